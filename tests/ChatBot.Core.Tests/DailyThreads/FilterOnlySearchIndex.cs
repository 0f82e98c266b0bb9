using ChatBot.Core.Papers;
using ChatBot.Core.Search;

namespace ChatBot.Core.Tests.DailyThreads;

/// <summary>An index that answers only <see cref="ISearchIndex.FilterAsync"/>, with the sequences a test allows (null: every paper).</summary>
internal sealed class FilterOnlySearchIndex(SequenceSet? allowed) : ISearchIndex
{
    public Task<SequenceSet?> FilterAsync(SearchQuery query, DateTimeOffset now, CancellationToken cancellationToken = default) => Task.FromResult(allowed);

    public Task IndexAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SearchResults> SearchAsync(SearchQuery query, int offset, int limit, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<SearchHit>> SimilarAsync(PaperId id, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SearchIndexState> GetStateAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task ClearAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
