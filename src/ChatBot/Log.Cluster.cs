namespace ChatBot;

/// <summary>The leader lease of several processes (event ids 80-89).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 80, Level = LogLevel.Information, Message = "Leadership taken by {Holder}: this process now runs ingest, daily threads and alert delivery (lease valid for {Remaining})")]
    public static partial void LeadershipTaken(ILogger logger, string holder, TimeSpan remaining);

    [LoggerMessage(EventId = 81, Level = LogLevel.Warning, Message = "Leadership of {Holder} ended: scheduled work stops here; another process takes over once the lease expires")]
    public static partial void LeadershipEnded(ILogger logger, string holder);

    [LoggerMessage(EventId = 82, Level = LogLevel.Warning, Message = "The lease was found held by another process; {Holder} stops its scheduled work")]
    public static partial void LeaseTakenByAnother(ILogger logger, string holder);

    [LoggerMessage(EventId = 83, Level = LogLevel.Warning, Message = "Could not renew the {Lease} lease (leadership ends at the lease's deadline unless a renewal succeeds first): {Error}")]
    public static partial void LeaseRenewFailed(ILogger logger, string lease, string error);

    [LoggerMessage(EventId = 84, Level = LogLevel.Information, Message = "Lease released by {Holder} on stop: another process takes over now")]
    public static partial void LeaseReleased(ILogger logger, string holder);

    [LoggerMessage(EventId = 85, Level = LogLevel.Warning, Message = "Worker {Worker} stopped its tick: this process no longer leads")]
    public static partial void WorkerStoppedLeadershipLost(ILogger logger, string worker);
}
