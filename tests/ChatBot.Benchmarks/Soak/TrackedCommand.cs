namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// One command the soak sent and what became of it. Mutable, changed only under the <see cref="CommandLedger"/>'s lock.
/// Times are <see cref="TimeProvider.GetTimestamp"/> values of the system clock.
/// </summary>
internal sealed class TrackedCommand(string id, SoakPlatform platform, string text, long issuedAt)
{
    public string Id { get; } = id;

    public SoakPlatform Platform { get; } = platform;

    /// <summary>The command as a person would type it, e.g. <c>search diffusion since:30d</c>.</summary>
    public string Text { get; } = text;

    /// <summary>When the person "typed" it; latency and lateness count from here.</summary>
    public long IssuedAt { get; } = issuedAt;

    /// <summary>When it went out on a socket (it may wait for a connection first).</summary>
    public long? SentAt { get; set; }

    /// <summary>The connection it went out on: Slack's connection index, Discord's gateway connection number.</summary>
    public int? Connection { get; set; }

    /// <summary>Answers the person saw: Discord's accepted message callback or first edit after a deferral; Slack's ack payload or response_url post.</summary>
    public int Answers { get; set; }

    /// <summary>Discord: a callback was accepted (message or deferral). Slack: an acknowledgement arrived.</summary>
    public bool Acknowledged { get; set; }

    /// <summary>
    /// The answer was deferred: Discord's accepted callback was type 5 (the answer is the edit that follows); Slack's ack
    /// came empty (the answer is the response_url post that follows).
    /// </summary>
    public bool Deferred { get; set; }

    /// <summary>Second and later acknowledgements (Discord refuses them with 40060; Slack ignores them).</summary>
    public int ExtraAcknowledgements { get; set; }

    /// <summary>When the first answer arrived.</summary>
    public long? FirstAnswerAt { get; set; }

    /// <summary>Set when the platform lost the command, not the bot (its connection was cut under it before the ack).</summary>
    public string? LostBecause { get; set; }
}
