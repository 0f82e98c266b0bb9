using ChatBot.Core.Papers;

namespace ChatBot.Core.Search;

/// <summary>
/// Full-text search over papers. The paper store is the record of truth; the index mirrors it and
/// remembers the last <see cref="Paper.Revision"/> it applied, so it can be caught up or rebuilt.
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// Adds or replaces <paramref name="papers"/> by id (withdrawn papers are removed; a paper re-keyed
    /// from a title key to its arXiv id replaces its old entry) and commits, recording the highest revision.
    /// </summary>
    Task IndexAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="query"/>; relative dates resolve against <paramref name="now"/>. When nothing
    /// matches every clause of a query with more than one word, ranks papers matching any of them instead.
    /// </summary>
    Task<SearchResults> SearchAsync(SearchQuery query, int offset, int limit, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// The sequences of the papers that match <paramref name="query"/> (every clause, no excluded term, within its
    /// bounds), for filtering search by meaning; null when the query narrows nothing (every paper passes).
    /// </summary>
    Task<SequenceSet?> FilterAsync(SearchQuery query, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Papers most like <paramref name="id"/> by title and abstract, without the paper itself; empty when it is not indexed.</summary>
    Task<IReadOnlyList<SearchHit>> SimilarAsync(PaperId id, int limit, CancellationToken cancellationToken = default);

    Task<SearchIndexState> GetStateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The highest revision applied (<see cref="SearchIndexState.LastRevision"/>) without counting the documents,
    /// which may cost an index a refresh; the synchronizer asks it before every update.
    /// </summary>
    async Task<long> GetLastRevisionAsync(CancellationToken cancellationToken = default) =>
        (await GetStateAsync(cancellationToken)).LastRevision;

    /// <summary>Deletes every entry and the recorded revision (before a rebuild).</summary>
    Task ClearAsync(CancellationToken cancellationToken = default);
}
