namespace ChatBot.Slack.SocketMode;

/// <summary>
/// Remembers recently handled envelopes across every connection, so the same delivery arriving twice
/// (on a second connection, or as a retry with <c>retry_attempt</c> &gt; 0) runs once. Keys are the
/// envelope id and the payload's own id (trigger or event id); the oldest are forgotten past a bound.
/// </summary>
internal sealed class SlackEnvelopeDeduplicator
{
    public const int DefaultCapacity = 2048;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly int _capacity;

    public SlackEnvelopeDeduplicator()
        : this(DefaultCapacity)
    {
    }

    public SlackEnvelopeDeduplicator(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _capacity = capacity;
    }

    /// <summary>True the first time an envelope is seen (it should run); false for a duplicate (ack only).</summary>
    public bool TryBegin(SocketEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var keys = new[] { "envelope:" + envelope.EnvelopeId, envelope.PayloadKey }.OfType<string>().ToList();
        lock (_gate)
        {
            if (keys.Any(_seen.Contains))
            {
                return false;
            }

            foreach (var key in keys)
            {
                _seen.Add(key);
                _order.Enqueue(key);
            }

            while (_order.Count > _capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
