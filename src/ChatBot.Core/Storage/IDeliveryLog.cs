using ChatBot.Core.Alerts;

namespace ChatBot.Core.Storage;

/// <summary>Every (user, paper) the alerts ever chose, and whether it was sent.</summary>
public interface IDeliveryLog
{
    /// <summary>Records the deliveries whose (user, paper) is not recorded yet, in one transaction; returns those it recorded.</summary>
    Task<IReadOnlyList<Delivery>> RecordNewAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Delivery>> PendingAsync(CancellationToken cancellationToken = default);

    Task SaveAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks every pending delivery of one user <see cref="DeliveryState.Dropped"/> with <paramref name="reason"/>,
    /// in one transaction (they stay recorded, so the same papers are not chosen again); returns how many.
    /// </summary>
    Task<int> DropPendingAsync(string platform, string userId, string reason, CancellationToken cancellationToken = default);
}
