using ChatBot.Core.Papers;
using ChatBot.Core.Storage;

namespace ChatBot.Testing;

/// <summary>A paper store in a dictionary, for Core tests that need one but not LiteDB.</summary>
public sealed class InMemoryPaperStore(TimeProvider timeProvider) : IPaperStore
{
    private readonly Dictionary<PaperId, Paper> _papers = [];
    private readonly Lock _lock = new();
    private long _sequence;
    private long _revision;

    public IReadOnlyList<Paper> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _papers.Values.OrderBy(p => p.Sequence)];
            }
        }
    }

    public Task<UpsertSummary> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            int created = 0, updated = 0, unchanged = 0;
            var changed = new List<Paper>();
            var now = timeProvider.GetUtcNow();
            foreach (var incoming in papers)
            {
                var existing = _papers.Values.FirstOrDefault(p =>
                    (incoming.ArxivId is not null && p.ArxivId == incoming.ArxivId)
                    || (TitleKey.From(p.Title) == TitleKey.From(incoming.Title) && (incoming.ArxivId is null || p.ArxivId is null)));
                if (existing is null)
                {
                    var paper = PaperMerger.First(incoming, ++_sequence, now) with { Revision = ++_revision };
                    _papers[paper.Id] = paper;
                    changed.Add(paper);
                    created++;
                }
                else if (PaperMerger.Merge(existing, incoming, now) is { } changedPaper)
                {
                    var merged = changedPaper with { Revision = ++_revision };
                    _papers.Remove(existing.Id);
                    _papers[merged.Id] = merged;
                    changed.Add(merged);
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }

            return Task.FromResult(new UpsertSummary(created, updated, unchanged, changed));
        }
    }

    public Task<Paper?> FindAsync(PaperId id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_papers.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<Paper>> ReadAfterAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<Paper> result = [.. _papers.Values.Where(p => p.Sequence > afterSequence).OrderBy(p => p.Sequence).Take(maxCount)];
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<Paper>> ReadChangedAfterAsync(long afterRevision, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<Paper> result = [.. _papers.Values.Where(p => p.Revision > afterRevision).OrderBy(p => p.Revision).Take(maxCount)];
            return Task.FromResult(result);
        }
    }

    public Task<long> GetLastRevisionAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_revision);
        }
    }

    public Task<IReadOnlyList<Paper>> FindManyAsync(IReadOnlyList<PaperId> ids, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<Paper> result = [.. ids.Select(id => _papers.GetValueOrDefault(id)).OfType<Paper>()];
            return Task.FromResult(result);
        }
    }

    public Task<IReadOnlyList<Paper>> ListFreshSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<Paper> result = [.. _papers.Values.Where(p => p.FreshAt >= since)];
            return Task.FromResult(result);
        }
    }

    public Task<PaperStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var bySource = _papers.Values.SelectMany(p => p.Sources).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
            var published = _papers.Values.Select(p => p.PublishedAt).OfType<DateTimeOffset>().ToList();
            return Task.FromResult(new PaperStats(
                _papers.Count, bySource,
                published.Count > 0 ? published.Min() : null,
                published.Count > 0 ? published.Max() : null,
                _sequence,
                _revision));
        }
    }

    public Task<PaperCounters> GetCountersAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(new PaperCounters(_papers.Count, _sequence, _revision));
        }
    }
}
