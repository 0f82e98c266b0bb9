namespace ChatBot.Discord.Gateway;

/// <summary>
/// The ids of the last few thousand interactions seen, so an event the gateway replays after a
/// resume is not run twice. Used from the receive loop only, so it needs no lock.
/// </summary>
internal sealed class RecentInteractionIds(int capacity = 4096)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool TryAdd(string id)
    {
        if (!_ids.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        if (_order.Count > capacity)
        {
            _ids.Remove(_order.Dequeue());
        }

        return true;
    }
}
