namespace ChatBot.Core.Papers;

/// <summary>
/// A research paper as the bot knows it, merged from every source that mentioned it.
/// Sources produce papers with only what they know; the store fills in
/// <see cref="FirstSeen"/>, <see cref="LastUpdated"/>, <see cref="Sequence"/> and the history.
/// </summary>
public sealed record Paper
{
    public required PaperId Id { get; init; }

    /// <summary>The normalized arXiv id, when known.</summary>
    public string? ArxivId { get; init; }

    public required string Title { get; init; }

    public string Abstract { get; init; } = "";

    /// <summary>Author names, when the source lists them (the daily-papers page only counts them).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    public int? AuthorCount { get; init; }

    /// <summary>When the paper was published (arXiv) or, for page text, the date shown.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>When the paper appeared on the Hugging Face daily list, when known.</summary>
    public DateTimeOffset? ListedAt { get; init; }

    public int? Upvotes { get; init; }

    public int? Comments { get; init; }

    public PaperLinks Links { get; init; } = PaperLinks.None;

    /// <summary>Keywords (Hugging Face's AI keywords) and arXiv categories.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Hugging Face's one-paragraph AI summary, when present.</summary>
    public string? Summary { get; init; }

    public int? GithubStars { get; init; }

    /// <summary>Withdrawn papers are kept (so they are not re-added) but never shown.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>The sources that mentioned this paper (<see cref="PaperSources"/>).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public DateTimeOffset FirstSeen { get; init; }

    public DateTimeOffset LastUpdated { get; init; }

    /// <summary>Assigned once, when the paper is first stored; strictly increasing across papers.</summary>
    public long Sequence { get; init; }

    /// <summary>
    /// Assigned each time the stored paper is created or changed; strictly increasing across the
    /// store. Whatever mirrors the store (the search index) catches up by reading past its revision.
    /// </summary>
    public long Revision { get; init; }

    /// <summary>Each change of the upvote count, oldest first.</summary>
    public IReadOnlyList<UpvoteSnapshot> UpvoteHistory { get; init; } = [];

    /// <summary>The date shown and filtered on: published, else listed, else first seen.</summary>
    public DateTimeOffset Date => PublishedAt ?? ListedAt ?? FirstSeen;

    /// <summary>
    /// When the paper became news: the later of its publication and its Hugging Face listing
    /// (a paper listed today is fresh even if it was published last week); first seen when neither is known.
    /// </summary>
    public DateTimeOffset FreshAt => (PublishedAt, ListedAt) switch
    {
        ({ } published, { } listed) => published > listed ? published : listed,
        ({ } published, null) => published,
        (null, { } listed) => listed,
        _ => FirstSeen,
    };

    /// <summary>The author count when names are known, else the count the source gave.</summary>
    public int? KnownAuthorCount => Authors.Count > 0 ? Authors.Count : AuthorCount;
}
