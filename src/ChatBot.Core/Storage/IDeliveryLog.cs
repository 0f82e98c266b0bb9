using ChatBot.Core.Alerts;

namespace ChatBot.Core.Storage;

/// <summary>
/// Every (user, paper) the alerts chose, and where each user's stand. Recorded a batch at a time: a batch is one
/// transaction with the log's own "recorded through" sequence, so a batch matched again after a crash records nothing
/// twice, and a batch is never half recorded. Sending settles a user's papers in sequence order (a per-user
/// "settled through" sequence): saving a user's paper as sent, abandoned or dropped settles every earlier one of theirs;
/// while a user's papers wait for a retry, their attempts and retry time are the user's, shared by all their pending papers.
/// </summary>
public interface IDeliveryLog
{
    /// <summary>The sequence of the last paper of the last batch recorded; 0 before the first.</summary>
    Task<long> RecordedThroughAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the batch's matches as pending deliveries and moves "recorded through" to <see cref="DeliveryBatch.Through"/>,
    /// in one transaction, reading <see cref="DeliveryBatch.Users"/> once. Papers at or before "recorded through" are skipped
    /// (already recorded). Returns the number of (user, paper) deliveries recorded.
    /// </summary>
    Task<int> RecordBatchAsync(DeliveryBatch batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every pending delivery, one per (user, paper) with the user's attempts and retry time, a user at a time: each list
    /// is one user's, in sequence order. Streamed, so a log with millions of pending papers is sent user by user without
    /// all of them held as deliveries at once; the caller may save a user's deliveries before asking for the next user.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<Delivery>> PendingByUserAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves where the deliveries stand, in one transaction. Sent, abandoned or dropped: the user's pending papers up to
    /// the highest sequence among them are settled so. Pending (a failed attempt): the attempts, retry time and error
    /// become the user's.
    /// </summary>
    Task SaveAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks every pending delivery of one user <see cref="DeliveryState.Dropped"/> with <paramref name="reason"/>,
    /// in one transaction (they stay settled, so the same papers are not chosen again); returns how many.
    /// </summary>
    Task<int> DropPendingAsync(string platform, string userId, string reason, CancellationToken cancellationToken = default);
}
