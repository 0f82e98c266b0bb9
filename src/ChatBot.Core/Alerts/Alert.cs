using ChatBot.Core.Papers;

namespace ChatBot.Core.Alerts;

/// <summary>
/// A user's standing query: new papers matching <see cref="Query"/> (the search language) are sent
/// to <see cref="UserId"/> on <see cref="Platform"/> by direct message. An alert by example (<c>like:</c>) names a paper
/// in <see cref="Like"/> instead, and new papers close to it in meaning are sent; its <see cref="Query"/> is then
/// <c>like:</c> and the paper's id, as the user sees it.
/// </summary>
public sealed record Alert
{
    /// <summary>Short and typeable (<c>7</c>); assigned by the store, unique across users.</summary>
    public string Id { get; init; } = "";

    public required string Platform { get; init; }

    public required string UserId { get; init; }

    public required string Query { get; init; }

    /// <summary>For an alert by example: the paper new papers are compared with by meaning; null for a query alert.</summary>
    public PaperId? Like { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Why the alert is paused (by its owner, or because the user cannot be messaged); null while active.</summary>
    public string? PausedReason { get; init; }

    /// <summary>Papers delivered for this alert so far.</summary>
    public int Matches { get; init; }

    public bool IsPaused => PausedReason is not null;

    public bool BelongsTo(string platform, string userId) =>
        string.Equals(Platform, platform, StringComparison.Ordinal) && string.Equals(UserId, userId, StringComparison.Ordinal);
}
