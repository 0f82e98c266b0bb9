namespace ChatBot.Core.DailyThreads;

/// <summary>Every active and paused schedule, from configuration and from admin commands.</summary>
public interface IDailyThreadScheduleSource
{
    Task<IReadOnlyList<DailyThreadSchedule>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stops a schedule from posting until an admin sets it again; <paramref name="reason"/> is shown by <c>daily show</c>.</summary>
    Task PauseAsync(DailyThreadSchedule schedule, string reason, CancellationToken cancellationToken);
}
