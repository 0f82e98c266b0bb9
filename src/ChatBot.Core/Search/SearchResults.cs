namespace ChatBot.Core.Search;

/// <summary>
/// One page of results. <see cref="RelaxedToAnyWord"/> is true when no paper matched every
/// clause and the results are ranked by how many of the words they match instead.
/// </summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int TotalHits, bool RelaxedToAnyWord)
{
    public static readonly SearchResults None = new([], 0, false);
}
