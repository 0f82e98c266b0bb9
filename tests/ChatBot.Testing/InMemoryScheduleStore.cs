using ChatBot.Core.DailyThreads;
using ChatBot.Core.Storage;

namespace ChatBot.Testing;

/// <summary>Admin-set daily schedules in a dictionary.</summary>
public sealed class InMemoryScheduleStore : IScheduleStore
{
    private readonly Dictionary<string, DailyThreadSchedule> _schedules = [];

    public Task<IReadOnlyList<DailyThreadSchedule>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DailyThreadSchedule>>([.. _schedules.Values]);

    public Task SaveAsync(DailyThreadSchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        _schedules[schedule.Id] = schedule;
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string scheduleId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_schedules.Remove(scheduleId));
}
