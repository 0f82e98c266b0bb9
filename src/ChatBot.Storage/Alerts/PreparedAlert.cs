using Lucene.Net.Search;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// An alert query made ready for one batch: the Lucene query of its words (null when it cannot match
/// anything in the batch) and its date and upvote bounds as plain numbers, checked per matching document.
/// </summary>
internal sealed class PreparedAlert(Query? query, long fromTicks, long beforeTicks, int minUpvotes, int maxUpvotes)
{
    /// <summary>An alert that matches nothing in the batch: Lucene is not asked.</summary>
    public static readonly PreparedAlert Never = new(null, 0, 0, 0, 0);

    public Query? Query { get; } = query;

    /// <summary>True when a paper of this date (UTC ticks) and upvotes passes the bounds (dates [from, before), upvotes inclusive).</summary>
    public bool Admits(long dateTicks, int upvotes) =>
        dateTicks >= fromTicks && dateTicks < beforeTicks && upvotes >= minUpvotes && upvotes <= maxUpvotes;
}
