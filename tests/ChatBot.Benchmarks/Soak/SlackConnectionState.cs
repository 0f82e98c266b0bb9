namespace ChatBot.Benchmarks.Soak;

/// <summary>What the soak knows of one Socket Mode connection: when it saw it open and end, who ended it, how many of its frames it read.</summary>
internal sealed class SlackConnectionState(long openedAt)
{
    public long OpenedAt { get; } = openedAt;

    public int FramesRead { get; set; }

    /// <summary>The soak dropped it (a fault): envelopes it carried without an ack were lost by the platform.</summary>
    public bool DroppedBySoak { get; set; }

    /// <summary>When the soak saw it end, or null while open.</summary>
    public long? EndedAt { get; set; }
}
