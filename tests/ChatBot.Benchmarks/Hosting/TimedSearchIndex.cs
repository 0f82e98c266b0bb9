using System.Diagnostics;
using ChatBot.Benchmarks.Measuring;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;

namespace ChatBot.Benchmarks.Hosting;

/// <summary>The registered search index, with the time of its updates added to <see cref="IngestTimings"/>.</summary>
internal sealed class TimedSearchIndex(ISearchIndex inner, IngestTimings timings) : ISearchIndex
{
    public Type InnerType => inner.GetType();

    public ISearchIndex Inner => inner;

    public async Task IndexAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await inner.IndexAsync(papers, cancellationToken);
        }
        finally
        {
            timings.AddIndex(started);
        }
    }

    public Task<SearchResults> SearchAsync(SearchQuery query, int offset, int limit, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        inner.SearchAsync(query, offset, limit, now, cancellationToken);

    public Task<SequenceSet?> FilterAsync(SearchQuery query, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        inner.FilterAsync(query, now, cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SimilarAsync(PaperId id, int limit, CancellationToken cancellationToken = default) =>
        inner.SimilarAsync(id, limit, cancellationToken);

    public Task<SearchIndexState> GetStateAsync(CancellationToken cancellationToken = default) => inner.GetStateAsync(cancellationToken);

    public Task<long> GetLastRevisionAsync(CancellationToken cancellationToken = default) => inner.GetLastRevisionAsync(cancellationToken);

    public Task ClearAsync(CancellationToken cancellationToken = default) => inner.ClearAsync(cancellationToken);
}
