namespace ChatBot.Core.Search;

/// <summary>
/// Reads the query language shared by search, alerts and daily-thread filters:
/// <code>
/// diffusion "video generation" -survey          words and phrases must all match; -excluded must not
/// llm OR "language model"                         OR (upper case) joins neighbours into one alternative
/// title:transformer  author:"Yann LeCun"          words or phrases in one field (also with - to exclude)
/// since:7d  until:2025-01-31                      h, d, w, m (30 days), y (365 days), or yyyy-MM-dd (UTC)
/// upvotes:>=10  upvotes:&gt;9  upvotes:&lt;=50  upvotes:10 (= at least 10)
/// sort:relevance|new|top
/// mode:hybrid|keyword|semantic                    how words match: by meaning and words (default), words only, meaning only
/// </code>
/// Filter names are case-insensitive; a repeated since:, until:, sort:, mode: or upvotes: bound replaces the earlier one
/// (upvotes:&gt;=10 upvotes:&lt;=50 sets both ends). A lone - and words of punctuation only are ignored.
/// Parsing never throws for any text (except <see cref="Parse(string, int)"/>, by design): a query that cannot be
/// read yields a <see cref="QueryError"/> saying what is wrong and where.
/// </summary>
public static class SearchQueryParser
{
    /// <summary>The longest query accepted by default (search); alerts pass a shorter limit.</summary>
    public const int MaxLength = 500;

    /// <summary>Parses <paramref name="text"/>; null or blank text is the empty query.</summary>
    /// <returns>True with the query, or false with <see cref="SearchQuery.Empty"/> and the error.</returns>
    public static bool TryParse(string? text, out SearchQuery query, out QueryError? error) =>
        TryParse(text, MaxLength, out query, out error);

    /// <summary>
    /// Parses <paramref name="text"/> accepting at most <paramref name="maxLength"/> UTF-16 characters after
    /// trimming (must be positive); null or blank text is the empty query.
    /// </summary>
    public static bool TryParse(string? text, int maxLength, out SearchQuery query, out QueryError? error)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        query = SearchQuery.Empty;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > maxLength)
        {
            var leading = text.Length - text.TrimStart().Length;
            error = new QueryError(
                $"The query is {trimmed.Length} characters long; the limit is {maxLength}.", leading + maxLength, trimmed.Length - maxLength);
            return false;
        }

        return QueryReader.TryRead(text, out query, out error);
    }

    /// <summary>Parses <paramref name="text"/> or throws a <see cref="ChatBotException"/> whose message is the error.</summary>
    public static SearchQuery Parse(string text, int maxLength = MaxLength) =>
        TryParse(text, maxLength, out var query, out var error)
            ? query
            : throw new ChatBotException(error!.ToString());
}
