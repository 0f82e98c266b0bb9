using ChatBot.Core.Alerts;
using ChatBot.Core.Storage;

namespace ChatBot.Testing;

/// <summary>
/// A delivery log in dictionaries, with the rules of <see cref="IDeliveryLog"/>: a batch recorded whole or not at all,
/// nothing at or before "recorded through" recorded again, a user's papers settled in sequence order, and their
/// attempts and retry time shared by all their pending papers. It keeps every delivery, settled ones too, for <see cref="All"/>.
/// </summary>
public sealed class InMemoryDeliveryLog : IDeliveryLog
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Delivery> _deliveries = [];
    private readonly Dictionary<(string Platform, string UserId), Delivery> _attempts = [];
    private long _recordedThrough;

    /// <summary>Every delivery recorded, pending ones as <see cref="PendingByUserAsync"/> shows them.</summary>
    public IReadOnlyList<Delivery> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _deliveries.Values.Select(View)];
            }
        }
    }

    public Task<long> RecordedThroughAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_recordedThrough);
        }
    }

    public Task<int> RecordBatchAsync(DeliveryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        long through;
        lock (_lock)
        {
            through = _recordedThrough;
        }

        // Read whole before anything is kept: a batch is recorded whole or not at all.
        var made = new List<Delivery>();
        foreach (var user in batch.Users)
        {
            foreach (var position in user.Positions())
            {
                var paper = batch.Papers[position];
                if (paper.Sequence > through)
                {
                    made.Add(new Delivery { Platform = user.Platform, UserId = user.UserId, PaperId = paper.Id, Sequence = paper.Sequence, AlertIds = user.AlertIdsAt(position) });
                }
            }
        }

        lock (_lock)
        {
            var recorded = made.Count(d => _deliveries.TryAdd(d.Key, d));
            _recordedThrough = Math.Max(_recordedThrough, batch.Through);
            return Task.FromResult(recorded);
        }
    }

    public IAsyncEnumerable<IReadOnlyList<Delivery>> PendingByUserAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            List<IReadOnlyList<Delivery>> users =
            [
                .. _deliveries.Values.Where(d => d.State == DeliveryState.Pending).Select(View)
                    .GroupBy(d => (d.Platform, d.UserId))
                    .Select(user => (IReadOnlyList<Delivery>)[.. user.OrderBy(d => d.Sequence)]),
            ];
            return users.ToAsyncEnumerable();
        }
    }

    public Task SaveAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        lock (_lock)
        {
            foreach (var user in deliveries.GroupBy(d => (d.Platform, d.UserId)))
            {
                var settling = user.Where(d => d.State != DeliveryState.Pending).ToList();
                if (settling.Count == 0)
                {
                    var last = user.Last();
                    _attempts[user.Key] = last with { Attempts = user.Max(d => d.Attempts) };
                    continue;
                }

                var upTo = settling.Max(d => _deliveries.TryGetValue(d.Key, out var stored) ? stored.Sequence : d.Sequence);
                var outcome = settling[^1];
                var saved = settling.ToDictionary(d => d.Key);
                foreach (var stored in Mine(user.Key).Where(d => d.Sequence <= upTo).ToList())
                {
                    var own = saved.GetValueOrDefault(stored.Key) ?? outcome;
                    _deliveries[stored.Key] = stored with { State = outcome.State, Attempts = own.Attempts, RetryAt = null, LastError = own.LastError };
                }

                _attempts.Remove(user.Key);
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> DropPendingAsync(string platform, string userId, string reason, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var mine = Mine((platform, userId)).Select(View).ToList();
            foreach (var delivery in mine)
            {
                _deliveries[delivery.Key] = delivery with { State = DeliveryState.Dropped, RetryAt = null, LastError = reason };
            }

            _attempts.Remove((platform, userId));
            return Task.FromResult(mine.Count);
        }
    }

    private IEnumerable<Delivery> Mine((string Platform, string UserId) user) =>
        _deliveries.Values.Where(d => d.State == DeliveryState.Pending && d.Platform == user.Platform && d.UserId == user.UserId);

    // A pending delivery carries its user's attempts, retry time and last error.
    private Delivery View(Delivery delivery) =>
        delivery.State == DeliveryState.Pending && _attempts.TryGetValue((delivery.Platform, delivery.UserId), out var tried)
            ? delivery with { Attempts = tried.Attempts, RetryAt = tried.RetryAt, LastError = tried.LastError }
            : delivery;
}
