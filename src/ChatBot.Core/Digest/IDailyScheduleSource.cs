namespace ChatBot.Core.Digest;

/// <summary>Every active and paused schedule, from configuration and from admin commands.</summary>
public interface IDailyScheduleSource
{
    Task<IReadOnlyList<DailySchedule>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stops a schedule from posting until an admin sets it again; <paramref name="reason"/> is shown by <c>daily show</c>.</summary>
    Task PauseAsync(DailySchedule schedule, string reason, CancellationToken cancellationToken);
}
