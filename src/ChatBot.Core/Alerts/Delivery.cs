using ChatBot.Core.Papers;

namespace ChatBot.Core.Alerts;

/// <summary>
/// One paper for one user, recorded before the message is attempted and marked sent after, so a
/// paper reaches a user once however many of their alerts match it and whatever restarts happen.
/// </summary>
public sealed record Delivery
{
    public required string Platform { get; init; }

    public required string UserId { get; init; }

    public required PaperId PaperId { get; init; }

    /// <summary>The paper's ingest sequence; 0 for a delivery recorded by an older version, one row per (user, paper).</summary>
    public long Sequence { get; init; }

    /// <summary>The user's alerts that matched the paper.</summary>
    public IReadOnlyList<string> AlertIds { get; init; } = [];

    public DeliveryState State { get; init; } = DeliveryState.Pending;

    public int Attempts { get; init; }

    public DateTimeOffset? RetryAt { get; init; }

    public string? LastError { get; init; }

    public string Key => $"{Platform}:{UserId}|{PaperId}";
}
