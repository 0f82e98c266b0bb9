namespace ChatBot.Core.Papers;

/// <summary>
/// Combines what a source says now about a paper with what we already stored. Known fields never
/// become unknown; counts (upvotes, comments) take the newest value; lists take the union; each
/// change of the upvote count is kept as a snapshot.
/// </summary>
public static class PaperMerger
{
    /// <summary>How many upvote snapshots a paper keeps; older ones matter little for velocity.</summary>
    public const int MaxUpvoteSnapshots = 200;

    /// <summary>Prepares a paper seen for the first time.</summary>
    public static Paper First(Paper incoming, long sequence, DateTimeOffset now) => incoming with
    {
        Id = incoming.ArxivId is { } arxiv ? PaperId.FromArxiv(arxiv) : incoming.Id,
        FirstSeen = now,
        LastUpdated = now,
        Sequence = sequence,
        Sources = Distinct(incoming.Sources),
        Keywords = Distinct(incoming.Keywords),
        UpvoteHistory = incoming.Upvotes is { } upvotes ? [new UpvoteSnapshot(now, upvotes)] : [],
    };

    /// <summary>Merges <paramref name="incoming"/> into <paramref name="existing"/>; null when nothing changed.</summary>
    public static Paper? Merge(Paper existing, Paper incoming, DateTimeOffset now)
    {
        var arxivId = incoming.ArxivId ?? existing.ArxivId;
        var merged = existing with
        {
            Id = arxivId is null ? existing.Id : PaperId.FromArxiv(arxivId),
            ArxivId = arxivId,
            Title = string.IsNullOrWhiteSpace(incoming.Title) ? existing.Title : incoming.Title,
            Abstract = string.IsNullOrWhiteSpace(incoming.Abstract) ? existing.Abstract : incoming.Abstract,
            Authors = incoming.Authors.Count > 0 ? incoming.Authors : existing.Authors,
            AuthorCount = incoming.AuthorCount ?? existing.AuthorCount,
            PublishedAt = incoming.PublishedAt ?? existing.PublishedAt,
            ListedAt = existing.ListedAt ?? incoming.ListedAt,
            Upvotes = incoming.Upvotes ?? existing.Upvotes,
            Comments = incoming.Comments ?? existing.Comments,
            Links = existing.Links.MergeWith(incoming.Links),
            Keywords = Union(existing.Keywords, incoming.Keywords),
            Summary = incoming.Summary ?? existing.Summary,
            GithubStars = incoming.GithubStars ?? existing.GithubStars,
            Withdrawn = existing.Withdrawn || incoming.Withdrawn,
            Sources = Union(existing.Sources, incoming.Sources),
        };

        if (merged.Upvotes is { } upvotes && upvotes != existing.Upvotes)
        {
            merged = merged with { UpvoteHistory = AppendSnapshot(existing.UpvoteHistory, new UpvoteSnapshot(now, upvotes)) };
        }

        return SameContent(existing, merged) ? null : merged with { LastUpdated = now };
    }

    private static IReadOnlyList<UpvoteSnapshot> AppendSnapshot(IReadOnlyList<UpvoteSnapshot> history, UpvoteSnapshot snapshot)
    {
        var skip = Math.Max(0, history.Count + 1 - MaxUpvoteSnapshots);
        return [.. history.Skip(skip), snapshot];
    }

    private static bool SameContent(Paper a, Paper b) =>
        a.Id == b.Id
        && a.ArxivId == b.ArxivId
        && a.Title == b.Title
        && a.Abstract == b.Abstract
        && a.Authors.SequenceEqual(b.Authors)
        && a.AuthorCount == b.AuthorCount
        && a.PublishedAt == b.PublishedAt
        && a.ListedAt == b.ListedAt
        && a.Upvotes == b.Upvotes
        && a.Comments == b.Comments
        && a.Links == b.Links
        && a.Keywords.SequenceEqual(b.Keywords)
        && a.Summary == b.Summary
        && a.GithubStars == b.GithubStars
        && a.Withdrawn == b.Withdrawn
        && a.Sources.SequenceEqual(b.Sources);

    private static string[] Distinct(IReadOnlyList<string> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static IReadOnlyList<string> Union(IReadOnlyList<string> existing, IReadOnlyList<string> incoming)
    {
        var added = incoming.Where(v => !string.IsNullOrWhiteSpace(v) && !existing.Contains(v, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return added.Length == 0 ? existing : [.. existing, .. added];
    }
}
