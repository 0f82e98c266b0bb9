using ChatBot.Core.DailyThreads;

namespace ChatBot.Testing;

/// <summary>Schedules held in a list; pausing replaces the schedule with a paused copy.</summary>
public sealed class InMemoryScheduleSource(params DailyThreadSchedule[] schedules) : IDailyThreadScheduleSource
{
    private readonly List<DailyThreadSchedule> _schedules = [.. schedules];

    public IReadOnlyList<DailyThreadSchedule> Schedules => _schedules;

    public Task<IReadOnlyList<DailyThreadSchedule>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DailyThreadSchedule>>([.. _schedules]);

    public Task PauseAsync(DailyThreadSchedule schedule, string reason, CancellationToken cancellationToken)
    {
        var index = _schedules.FindIndex(s => s.Id == schedule.Id);
        _schedules[index] = schedule with { PausedReason = reason };
        return Task.CompletedTask;
    }
}
