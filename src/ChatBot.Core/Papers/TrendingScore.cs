using System.Globalization;

namespace ChatBot.Core.Papers;

/// <summary>
/// Ranks papers by how fast they are gaining upvotes now, in the spirit of Hacker News' (P − 1) / (T + 2)^1.8:
/// <code>
/// score = (total + VelocityWeight × gained) / (ageHours + AgeOffsetHours) ^ Gravity
/// </code>
/// where <c>total</c> is <see cref="Paper.Upvotes"/> (unknown counts as 0), <c>ageHours</c> is the time since
/// <see cref="Paper.FreshAt"/> (0 when that is after <c>now</c>), and <c>gained</c> is the upvotes gained within
/// <see cref="TrendingOptions.VelocityWindow"/> before <c>now</c>, read from <see cref="Paper.UpvoteHistory"/>:
/// <list type="bullet">
/// <item>The store adds a snapshot whenever the count changes, so the count at the window start is the latest
/// snapshot at or before it, and <c>gained = total − that count</c>.</item>
/// <item>With no snapshot that old, the paper was first seen inside the window ("new"): <c>gained</c> counts from
/// its earliest snapshot, so upvotes it already had when first seen are not counted as recent.</item>
/// <item>With no snapshot at all up to <c>now</c>, nothing was measured and <c>gained</c> is 0.</item>
/// </list>
/// <c>gained</c> is kept within 0..total; snapshots later than <c>now</c> are ignored. The result depends only on
/// its arguments, never on the clock.
/// </summary>
public static class TrendingScore
{
    public static TrendingResult Compute(Paper paper, DateTimeOffset now, TrendingOptions options)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(options);
        var total = Math.Max(0, paper.Upvotes ?? 0);
        var windowStart = now - options.VelocityWindow;

        UpvoteSnapshot? before = null;
        UpvoteSnapshot? firstInside = null;
        foreach (var snapshot in paper.UpvoteHistory)
        {
            if (snapshot.At <= windowStart)
            {
                before = before is null || snapshot.At >= before.At ? snapshot : before;
            }
            else if (snapshot.At <= now && (firstInside is null || snapshot.At < firstInside.At))
            {
                firstInside = snapshot;
            }
        }

        var baseline = before ?? firstInside;
        var isNew = before is null && (firstInside is not null || (paper.FirstSeen > windowStart && paper.FirstSeen <= now));
        var window = before is null && firstInside is not null ? now - firstInside.At : options.VelocityWindow;
        var gained = baseline is null ? 0 : Math.Clamp(total - baseline.Upvotes, 0, total);

        var age = paper.FreshAt < now ? now - paper.FreshAt : TimeSpan.Zero;
        var points = total + (options.VelocityWeight * gained);
        var score = points / Math.Pow(age.TotalHours + options.AgeOffset.TotalHours, options.Gravity);
        return new TrendingResult(paper, score, gained, window, Explain(total, gained, window, isNew, age));
    }

    /// <summary>
    /// The <paramref name="top"/> papers by score, best first; ties go to more upvotes, then to the lower id, so the
    /// order is the same every time. Withdrawn papers are left out.
    /// </summary>
    public static IReadOnlyList<TrendingResult> Rank(IEnumerable<Paper> papers, DateTimeOffset now, TrendingOptions options, int top)
    {
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        return [.. papers
            .Where(paper => !paper.Withdrawn)
            .Select(paper => Compute(paper, now, options))
            .OrderByDescending(result => result.Score)
            .ThenByDescending(result => result.Paper.Upvotes ?? 0)
            .ThenBy(result => result.Paper.Id.Value, StringComparer.Ordinal)
            .Take(top)];
    }

    /// <summary>"+40 upvotes in the last 24 h · 210 total · 1 day old", "new · 12 upvotes · 3 h old", "210 upvotes · 9 days old".</summary>
    private static string Explain(int total, int gained, TimeSpan window, bool isNew, TimeSpan age)
    {
        var parts = new List<string>();
        if (isNew)
        {
            parts.Add("new");
        }

        if (gained > 0)
        {
            parts.Add($"+{Count(gained, "upvote")} in the last {Span(window)}");
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{total:N0} total"));
        }
        else
        {
            parts.Add(Count(total, "upvote"));
        }

        parts.Add(Age(age));
        return string.Join(" · ", parts);
    }

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}");

    private static string Span(TimeSpan span) => span switch
    {
        { TotalHours: < 1 } => $"{Math.Max(1, (int)span.TotalMinutes)} min",
        { TotalHours: < 48 } => $"{(int)span.TotalHours} h",
        _ => $"{(int)span.TotalDays} days",
    };

    private static string Age(TimeSpan age) => age switch
    {
        { TotalHours: < 1 } => "under an hour old",
        { TotalHours: < 24 } => $"{(int)age.TotalHours} h old",
        { TotalDays: < 2 } => "1 day old",
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays:N0} days old"),
    };
}
