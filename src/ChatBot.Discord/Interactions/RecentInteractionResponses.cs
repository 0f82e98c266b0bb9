using ChatBot.Discord.Rest;

namespace ChatBot.Discord.Interactions;

/// <summary>
/// The first response to each of the last interactions received over HTTP, by interaction id, so a
/// second delivery of the same interaction gets that response again instead of running the command
/// twice (Discord acknowledges an interaction once: a second answer is refused with 40060). Bounded:
/// the oldest are forgotten past <c>capacity</c>. Safe for concurrent requests.
/// </summary>
internal sealed class RecentInteractionResponses(int capacity = 1024)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<InteractionCallback>> _responses = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>
    /// Claims <paramref name="id"/> for <paramref name="response"/> and returns true the first time;
    /// after that returns false with the first delivery's response in <paramref name="first"/>.
    /// </summary>
    public bool TryClaim(string id, Task<InteractionCallback> response, out Task<InteractionCallback> first)
    {
        lock (_gate)
        {
            if (_responses.TryGetValue(id, out var earlier))
            {
                first = earlier;
                return false;
            }

            _responses[id] = response;
            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _responses.Remove(_order.Dequeue());
            }

            first = response;
            return true;
        }
    }
}
