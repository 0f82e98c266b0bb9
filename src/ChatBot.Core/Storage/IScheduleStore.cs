using ChatBot.Core.DailyThreads;

namespace ChatBot.Core.Storage;

/// <summary>Daily-thread schedules set by admin commands (schedules from configuration are not stored).</summary>
public interface IScheduleStore
{
    Task<IReadOnlyList<DailyThreadSchedule>> ListAsync(CancellationToken cancellationToken = default);

    Task SaveAsync(DailyThreadSchedule schedule, CancellationToken cancellationToken = default);

    /// <summary>Removes the schedule of a channel; false when there was none.</summary>
    Task<bool> RemoveAsync(string scheduleId, CancellationToken cancellationToken = default);
}
