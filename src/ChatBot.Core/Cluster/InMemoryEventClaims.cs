namespace ChatBot.Core.Cluster;

/// <summary>
/// Claims in one process's memory (LiteDB: one process is the whole bot): the last <c>capacity</c> keys, the oldest
/// forgotten first, as the platforms' own recent-id sets do.
/// </summary>
public sealed class InMemoryEventClaims(int capacity = InMemoryEventClaims.DefaultCapacity) : IEventClaims
{
    public const int DefaultCapacity = 8192;

    private readonly Lock _gate = new();
    private readonly HashSet<(string Platform, string Key)> _claimed = [];
    private readonly Queue<(string Platform, string Key)> _order = new();

    public Task<bool> TryClaimAsync(string platform, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            if (keys.Any(key => _claimed.Contains((platform, key))))
            {
                return Task.FromResult(false);
            }

            foreach (var key in keys)
            {
                if (_claimed.Add((platform, key)))
                {
                    _order.Enqueue((platform, key));
                }
            }

            while (_order.Count > capacity)
            {
                _claimed.Remove(_order.Dequeue());
            }

            return Task.FromResult(true);
        }
    }
}
