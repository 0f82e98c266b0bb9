namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// An envelope the soak sent on a Socket Mode connection: a command's (<see cref="Command"/> set) or a malformed one
/// that still must be acknowledged. Mutable under the <see cref="SlackSoak"/>'s lock.
/// </summary>
internal sealed class SlackEnvelope(string id, TrackedCommand? command, int connection, long sentAt, bool acceptsResponsePayload)
{
    public string Id { get; } = id;

    public TrackedCommand? Command { get; } = command;

    public int Connection { get; } = connection;

    public long SentAt { get; } = sentAt;

    public bool AcceptsResponsePayload { get; } = acceptsResponsePayload;

    public int Acks { get; set; }
}
