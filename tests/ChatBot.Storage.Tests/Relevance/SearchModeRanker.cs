using ChatBot.Core.Search;

namespace ChatBot.Storage.Tests.Relevance;

/// <summary>
/// Rankings through the real search path: the text parsed by <see cref="SearchQueryParser"/> as the search
/// command parses it, run by <see cref="PaperSearch"/> as the command runs it. A mode is chosen with the query
/// language's <c>mode:</c> filter.
/// </summary>
internal static class SearchModeRanker
{
    public const string Keyword = "keyword";
    public const string Semantic = "semantic";
    public const string Hybrid = "hybrid";

    // Relative dates in the judged queries would resolve against this; there are none, but the index needs a clock.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    /// <summary>True when the query language accepts <c>mode:</c><paramref name="mode"/>.</summary>
    public static bool Supports(string mode) => SearchQueryParser.TryParse($"mode:{mode} transformer", out _, out _);

    /// <summary>
    /// The ranking of <paramref name="mode"/>. Keyword ranks plain text while <c>mode:</c> is unknown (it is then
    /// the only mode) and pins <c>mode:keyword</c> once it exists, so a new default cannot pass for keyword search.
    /// </summary>
    public static Ranker For(PaperSearch search, string mode)
    {
        ArgumentNullException.ThrowIfNull(search);
        var prefix = Supports(mode) ? $"mode:{mode} "
            : mode == Keyword ? ""
            : throw new InvalidOperationException($"The query language has no mode:{mode} yet.");
        return async (text, limit, cancellationToken) =>
        {
            var query = SearchQueryParser.Parse(prefix + text);
            var results = await search.SearchAsync(query, 0, limit, Now, cancellationToken);
            return [.. results.Hits.Select(hit => hit.Id.Value)];
        };
    }
}
