using ChatBot.Core.Search;

namespace ChatBot.Storage.Search;

/// <summary>
/// A sorted order of hits: by a numeric doc-values field, highest first, ties by a second one (or, when
/// <see cref="Secondary"/> is null, by score), highest first, then by document number.
/// </summary>
internal sealed record HitOrder(string Primary, string? Secondary)
{
    /// <summary><c>sort:new</c>, and queries of filters alone: newest first, ties by score.</summary>
    public static readonly HitOrder NewestFirst = new(PaperFields.DateSort, null);

    /// <summary><c>sort:top</c>: most upvotes first (unknown counts as 0), ties newest first.</summary>
    public static readonly HitOrder MostUpvotedFirst = new(PaperFields.UpvotesSort, PaperFields.DateSort);

    /// <summary>The order of <paramref name="sort"/>; null for relevance, which a query without words has not.</summary>
    public static HitOrder? For(SearchSort sort, bool hasWords) => sort switch
    {
        SearchSort.New => NewestFirst,
        SearchSort.Top => MostUpvotedFirst,
        // Without words there is no relevance: the newest papers come first.
        _ when !hasWords => NewestFirst,
        _ => null,
    };
}
