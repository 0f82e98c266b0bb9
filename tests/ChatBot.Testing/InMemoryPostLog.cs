using ChatBot.Core.DailyThreads;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;

namespace ChatBot.Testing;

/// <summary>A post log in a dictionary; shared between "runs" of a service to simulate a restart.</summary>
public sealed class InMemoryPostLog : IPostLog
{
    private readonly Dictionary<(string, DateOnly), DailyThreadRecord> _records = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<DailyThreadRecord> Records
    {
        get
        {
            lock (_lock)
            {
                return [.. _records.Values];
            }
        }
    }

    public Task<DailyThreadRecord?> FindAsync(string scheduleId, DateOnly localDate, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_records.GetValueOrDefault((scheduleId, localDate)));
        }
    }

    public Task SaveAsync(DailyThreadRecord record, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _records[(record.ScheduleId, record.LocalDate)] = record;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<PaperId>> PostedPapersAsync(string scheduleId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlySet<PaperId> posted = _records.Values.Where(r => r.ScheduleId == scheduleId).SelectMany(r => r.Papers).ToHashSet();
            return Task.FromResult(posted);
        }
    }
}
