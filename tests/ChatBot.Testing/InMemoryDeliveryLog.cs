using ChatBot.Core.Alerts;
using ChatBot.Core.Storage;

namespace ChatBot.Testing;

/// <summary>A delivery log in a dictionary keyed by (user, paper).</summary>
public sealed class InMemoryDeliveryLog : IDeliveryLog
{
    private readonly Dictionary<string, Delivery> _deliveries = [];

    public IReadOnlyList<Delivery> All => [.. _deliveries.Values];

    public Task<IReadOnlyList<Delivery>> RecordNewAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var recorded = deliveries.Where(d => _deliveries.TryAdd(d.Key, d)).ToList();
        return Task.FromResult<IReadOnlyList<Delivery>>(recorded);
    }

    public Task<IReadOnlyList<Delivery>> PendingAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Delivery>>([.. _deliveries.Values.Where(d => d.State == DeliveryState.Pending)]);

    public Task SaveAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        foreach (var delivery in deliveries)
        {
            _deliveries[delivery.Key] = delivery;
        }

        return Task.CompletedTask;
    }

    public Task<int> DropPendingAsync(string platform, string userId, string reason, CancellationToken cancellationToken = default)
    {
        var mine = _deliveries.Values.Where(d => d.State == DeliveryState.Pending && d.Platform == platform && d.UserId == userId).ToList();
        foreach (var delivery in mine)
        {
            _deliveries[delivery.Key] = delivery with { State = DeliveryState.Dropped, RetryAt = null, LastError = reason };
        }

        return Task.FromResult(mine.Count);
    }
}
