using ChatBot.Core.Papers;
using ChatBot.Core.Search;

namespace ChatBot.Testing;

/// <summary>
/// A search index that only remembers what it was given, for tests of what feeds the index.
/// It cannot search; tests that search use the real Lucene index on a temp folder.
/// </summary>
public sealed class RecordingSearchIndex : ISearchIndex
{
    private readonly Dictionary<PaperId, Paper> _papers = [];
    private readonly Lock _lock = new();
    private long _lastRevision;

    public int IndexCalls { get; private set; }

    /// <summary>When set, <see cref="IndexAsync"/> throws it (an index that cannot be written).</summary>
    public Exception? FailWith { get; set; }

    public IReadOnlyCollection<Paper> Papers
    {
        get
        {
            lock (_lock)
            {
                return [.. _papers.Values];
            }
        }
    }

    public Task IndexAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default)
    {
        if (FailWith is { } failure)
        {
            return Task.FromException(failure);
        }

        lock (_lock)
        {
            IndexCalls++;
            foreach (var paper in papers)
            {
                // A re-keyed paper replaces its title-keyed entry, as in the real index.
                foreach (var stale in _papers.Values.Where(p => p.Sequence == paper.Sequence && p.Id != paper.Id).ToList())
                {
                    _papers.Remove(stale.Id);
                }

                _papers[paper.Id] = paper;
                _lastRevision = Math.Max(_lastRevision, paper.Revision);
            }
        }

        return Task.CompletedTask;
    }

    public Task<SearchResults> SearchAsync(SearchQuery query, int offset, int limit, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("RecordingSearchIndex cannot search.");

    public Task<SequenceSet?> FilterAsync(SearchQuery query, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("RecordingSearchIndex cannot search.");

    public Task<IReadOnlyList<SearchHit>> SimilarAsync(PaperId id, int limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("RecordingSearchIndex cannot search.");

    public Task<SearchIndexState> GetStateAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(new SearchIndexState(_papers.Count, _lastRevision, WasReset: false));
        }
    }

    public Task ClearAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _papers.Clear();
            _lastRevision = 0;
        }

        return Task.CompletedTask;
    }
}
