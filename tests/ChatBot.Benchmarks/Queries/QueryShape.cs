using System.Globalization;
using ChatBot.Core.Search;

namespace ChatBot.Benchmarks.Queries;

/// <summary>
/// A query's meaning as one line (clauses, exclusions, filters, sort; not the text typed), so a
/// parsed query can be compared with one built from the model (records compare lists by reference).
/// </summary>
internal static class QueryShape
{
    public static string Describe(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = new List<string>();
        parts.AddRange(query.Clauses.Select(c => $"({c})"));
        parts.AddRange(query.Excluded.Select(t => $"-{t}"));
        parts.Add($"since={query.Since}");
        parts.Add($"until={query.Until}");
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"upvotes={query.MinUpvotes}..{query.MaxUpvotes}"));
        parts.Add($"sort={query.Sort}");
        return string.Join(' ', parts);
    }
}
