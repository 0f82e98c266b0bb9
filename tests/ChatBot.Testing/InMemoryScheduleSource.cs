using ChatBot.Core.Digest;

namespace ChatBot.Testing;

/// <summary>Schedules held in a list; pausing replaces the schedule with a paused copy.</summary>
public sealed class InMemoryScheduleSource(params DailySchedule[] schedules) : IDailyScheduleSource
{
    private readonly List<DailySchedule> _schedules = [.. schedules];

    public IReadOnlyList<DailySchedule> Schedules => _schedules;

    public Task<IReadOnlyList<DailySchedule>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DailySchedule>>([.. _schedules]);

    public Task PauseAsync(DailySchedule schedule, string reason, CancellationToken cancellationToken)
    {
        var index = _schedules.FindIndex(s => s.Id == schedule.Id);
        _schedules[index] = schedule with { PausedReason = reason };
        return Task.CompletedTask;
    }
}
