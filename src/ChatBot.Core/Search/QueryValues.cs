using System.Globalization;

namespace ChatBot.Core.Search;

/// <summary>Reads the values of the <c>since:</c>, <c>until:</c>, <c>upvotes:</c>, <c>sort:</c> and <c>mode:</c> filters.</summary>
internal static class QueryValues
{
    /// <summary>The farthest back a relative bound may reach.</summary>
    private const int MaxDaysAgo = 36_500;

    /// <summary>
    /// A relative time — a whole number followed by <c>h</c> (hours), <c>d</c> (days), <c>w</c> (weeks),
    /// <c>m</c> (months of 30 days) or <c>y</c> (years of 365 days), at least 1 and at most 100 years — or
    /// an ISO date <c>yyyy-MM-dd</c> (UTC).
    /// </summary>
    public static bool TryParseDateBound(string value, out DateBound bound)
    {
        bound = default;
        if (value.Length is >= 2 and <= 8 && value[..^1].All(char.IsAsciiDigit))
        {
            var amount = long.Parse(value[..^1], NumberStyles.None, CultureInfo.InvariantCulture);
            long? hours = char.ToLowerInvariant(value[^1]) switch
            {
                'h' => amount,
                'd' => amount * 24,
                'w' => amount * 7 * 24,
                'm' => amount * 30 * 24,
                'y' => amount * 365 * 24,
                _ => null,
            };
            if (hours is not { } h || h < 1 || h > MaxDaysAgo * 24L)
            {
                return false;
            }

            bound = DateBound.Before(TimeSpan.FromHours(h));
            return true;
        }

        // The last day is refused: an until: bound ends at the start of the next day, which would not exist.
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date < DateOnly.MaxValue)
        {
            bound = DateBound.On(date);
            return true;
        }

        return false;
    }

    /// <summary>
    /// <c>&gt;=N</c>, <c>&gt;N</c>, <c>&lt;=N</c>, <c>&lt;N</c>, or a bare <c>N</c> meaning at least N, as inclusive bounds.
    /// </summary>
    public static bool TryParseUpvotes(string value, out int? min, out int? max)
    {
        min = null;
        max = null;
        var op = value.StartsWith(">=", StringComparison.Ordinal) || value.StartsWith("<=", StringComparison.Ordinal)
            ? value[..2]
            : value.StartsWith('>') || value.StartsWith('<') ? value[..1] : "";
        var digits = value[op.Length..];
        if (digits.Length is 0 or > 9 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var n = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        switch (op)
        {
            case "" or ">=":
                min = n;
                return true;
            case ">":
                min = n + 1;
                return true;
            case "<=":
                max = n;
                return true;
            default:
                // "<0" admits nothing.
                max = n - 1;
                return n > 0;
        }
    }

    public static bool TryParseSort(string value, out SearchSort sort)
    {
        switch (value.ToLowerInvariant())
        {
            case "relevance":
                sort = SearchSort.Relevance;
                return true;
            case "new":
                sort = SearchSort.New;
                return true;
            case "top":
                sort = SearchSort.Top;
                return true;
            default:
                sort = default;
                return false;
        }
    }

    public static bool TryParseMode(string value, out SearchMode mode)
    {
        switch (value.ToLowerInvariant())
        {
            case "hybrid":
                mode = SearchMode.Hybrid;
                return true;
            case "keyword" or "keywords" or "words":
                mode = SearchMode.Keyword;
                return true;
            case "semantic" or "meaning":
                mode = SearchMode.Semantic;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}
