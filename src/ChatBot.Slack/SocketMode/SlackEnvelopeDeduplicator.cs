namespace ChatBot.Slack.SocketMode;

/// <summary>
/// Remembers recently handled envelopes across every connection and HTTP request, so the same delivery arriving
/// twice (on a second connection, as a retry with <c>retry_attempt</c> &gt; 0, or as an HTTP retry with
/// <c>X-Slack-Retry-Num</c>) runs once. Keys are the
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
        return TryBegin(new[] { "envelope:" + envelope.EnvelopeId, envelope.PayloadKey }.OfType<string>().ToList());
    }

    /// <summary>
    /// True the first time any of <paramref name="keys"/> is seen (run it); false when one was seen before (a
    /// retry or a duplicate: acknowledge only). HTTP requests use the same payload keys as Socket Mode envelopes
    /// (<c>slash_commands:</c> or <c>interactive:</c> + trigger id), so one delivery runs once whichever way it came.
    /// </summary>
    public bool TryBegin(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
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
