namespace ChatBot.Core.Search;

/// <summary>
/// One page of results. <see cref="RelaxedToAnyWord"/> is true when no paper matched every
/// clause and the results are ranked by how many of the words they match instead.
/// </summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int TotalHits, bool RelaxedToAnyWord)
{
    public static readonly SearchResults None = new([], 0, false);

    /// <summary>How the papers were ranked: the mode asked for, or keywords when meaning was not available.</summary>
    public SearchMode Ranking { get; init; } = SearchMode.Keyword;

    /// <summary>Why the ranking is not the mode the query asked for (<c>mode:semantic</c> while the model is unavailable), or null.</summary>
    public string? FallbackReason { get; init; }
}
