using ChatBot.Core.Papers;
using ChatBot.Core.Semantic;

namespace ChatBot.Core.Search;

/// <summary>
/// Search as users see it, in the query's mode (<see cref="SearchQuery.Mode"/>, hybrid by default): keywords alone
/// (BM25), meaning alone (the nearest paper vectors) or both fused by <see cref="ReciprocalRankFusion"/>. The query's
/// filters (dates, upvotes, phrases, <c>title:</c>, <c>author:</c>, excluded terms) hold in every mode. Meaning ranks
/// by relevance only: <c>sort:new</c> and <c>sort:top</c>, and queries of filters alone, run on keywords. When the model
/// is off, failed or not loaded yet, every mode runs on keywords (an explicit <c>mode:semantic</c> says so).
/// </summary>
public sealed class PaperSearch(ISearchIndex index, SemanticSearch semantic, ITextEmbedder embedder)
{
    /// <summary>Papers taken from each ranking before fusing; pages beyond it fuse deeper.</summary>
    public const int FusionDepth = 100;

    public async Task<SearchResults> SearchAsync(SearchQuery query, int offset, int limit, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var mode = query.Mode ?? SearchMode.Hybrid;
        var meaning = query.MeaningText;
        if (mode == SearchMode.Keyword || query.Sort != SearchSort.Relevance || meaning.Length == 0)
        {
            return await index.SearchAsync(query, offset, limit, now, cancellationToken);
        }

        var depth = (int)Math.Min(Math.Max((long)offset + limit, FusionDepth), int.MaxValue);
        var near = embedder.Status.IsUnavailable ? null : await NearestAsync(query, meaning, depth, now, cancellationToken);
        if (near is null)
        {
            var keyword = await index.SearchAsync(query, offset, limit, now, cancellationToken);
            return mode == SearchMode.Semantic
                ? keyword with { FallbackReason = $"Search by meaning is unavailable ({embedder.Status.Reason ?? "the model is still loading"}), so these match the words." }
                : keyword;
        }

        var byMeaning = near.Select(h => new SearchHit(h.Id, h.Score)).ToList();
        if (mode == SearchMode.Semantic)
        {
            return Page(byMeaning, offset, limit, relaxed: false, SearchMode.Semantic);
        }

        var byWords = await index.SearchAsync(query, 0, depth, now, cancellationToken);
        return Page(ReciprocalRankFusion.Fuse(byWords.Hits, byMeaning), offset, limit, relaxed: false, SearchMode.Hybrid);
    }

    /// <summary>
    /// The papers most like paper <paramref name="id"/>, without it: its nearest vectors, or (no vector yet, or no model)
    /// the papers sharing its most distinctive words. <see cref="SearchResults.Ranking"/> says which.
    /// </summary>
    public async Task<SearchResults> SimilarAsync(PaperId id, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var near = embedder.Status.IsUnavailable ? null : await semantic.SimilarAsync(id, limit, cancellationToken: cancellationToken);
        if (near is not null)
        {
            return new SearchResults([.. near.Select(h => new SearchHit(h.Id, h.Score))], near.Count, RelaxedToAnyWord: false) { Ranking = SearchMode.Semantic };
        }

        var alike = await index.SimilarAsync(id, limit, cancellationToken);
        return new SearchResults(alike, alike.Count, RelaxedToAnyWord: false);
    }

    // The papers nearest in meaning among those the query's filters admit; null when the model cannot embed the query.
    private async Task<IReadOnlyList<VectorHit>?> NearestAsync(SearchQuery query, string meaning, int depth, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var allowed = await index.FilterAsync(query.FiltersOnly(), now, cancellationToken);
        return allowed is { Count: 0 }
            ? []
            : await semantic.SearchAsync(meaning, depth, allowed is null ? null : allowed.Contains, cancellationToken);
    }

    private static SearchResults Page(IReadOnlyList<SearchHit> ranked, int offset, int limit, bool relaxed, SearchMode ranking) =>
        new([.. ranked.Skip(offset).Take(limit)], ranked.Count, relaxed) { Ranking = ranking };
}
