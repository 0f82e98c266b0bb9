using ChatBot.Core.DailyThreads;
using ChatBot.Core.Papers;

namespace ChatBot.Core.Storage;

/// <summary>The record of daily threads: one entry per schedule and local date, saved after each step.</summary>
public interface IPostLog
{
    Task<DailyThreadRecord?> FindAsync(string scheduleId, DateOnly localDate, CancellationToken cancellationToken = default);

    Task SaveAsync(DailyThreadRecord record, CancellationToken cancellationToken = default);

    /// <summary>Every paper chosen for any day of this schedule (so a paper is never posted to a channel twice).</summary>
    Task<IReadOnlySet<PaperId>> PostedPapersAsync(string scheduleId, CancellationToken cancellationToken = default);
}
