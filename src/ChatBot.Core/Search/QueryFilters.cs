namespace ChatBot.Core.Search;

/// <summary>
/// Recognizes filter names and, for a name that is not one, finds the filter the user probably meant:
/// a known alias (<c>after:</c> → <c>since:</c>), a prefix (<c>auth:</c> → <c>author:</c>) or a close spelling.
/// </summary>
internal static class QueryFilters
{
    /// <summary>The filter names, in the order the help text lists them.</summary>
    public static readonly IReadOnlyList<string> Names = ["title", "author", "since", "until", "upvotes", "sort", "mode"];

    /// <summary>Schemes of words that look like <c>name:value</c> but are links or identifiers, not filters.</summary>
    private static readonly HashSet<string> Schemes = new(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https", "ftp", "mailto", "arxiv", "doi", "hf",
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["after"] = "since",
        ["from"] = "since",
        ["date"] = "since",
        ["before"] = "until",
        ["by"] = "author",
        ["likes"] = "upvotes",
        ["stars"] = "upvotes",
        ["votes"] = "upvotes",
        ["order"] = "sort",
        ["orderby"] = "sort",
        ["sortby"] = "sort",
        ["match"] = "mode",
        ["search"] = "mode",
    };

    public static bool TryFind(string name, out QueryFilter filter)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                filter = (QueryFilter)i;
                return true;
            }
        }

        filter = default;
        return false;
    }

    public static bool IsScheme(string name) => Schemes.Contains(name);

    /// <summary>The filter name closest to <paramref name="name"/>, or null when none is close enough to suggest.</summary>
    public static string? Suggest(string name)
    {
        if (Aliases.TryGetValue(name, out var alias))
        {
            return alias;
        }

        var lower = name.ToLowerInvariant();
        foreach (var known in Names)
        {
            if (lower.Length >= 2 && (known.StartsWith(lower, StringComparison.Ordinal) || lower.StartsWith(known, StringComparison.Ordinal)))
            {
                return known;
            }
        }

        // Short names need a closer spelling: "bert" is two edits from "sort" but not a typo of it.
        var allowed = lower.Length <= 4 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var known in Names)
        {
            var distance = EditDistance(lower, known);
            if (distance <= allowed && distance < bestDistance)
            {
                best = known;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>"title:, author:, since:, until:, upvotes:, sort: or mode:"</summary>
    public static string List() =>
        string.Join(", ", Names.Take(Names.Count - 1).Select(n => n + ":")) + " or " + Names[^1] + ":";

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    internal static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
