namespace ChatBot.Core.Alerts;

/// <summary>
/// How one user's alert papers are delivered: as they arrive or in a daily digest, and the local date
/// of the last digest sent (so a day's digest goes once). One record per user in the alert store;
/// a user who never chose has <see cref="For"/>'s defaults.
/// </summary>
public sealed record AlertDeliverySettings
{
    public required string Platform { get; init; }

    public required string UserId { get; init; }

    public AlertDigest Digest { get; init; } = AlertDigest.Instant;

    /// <summary>The user's local date of the last daily digest sent; null before the first.</summary>
    public DateOnly? DigestSentOn { get; init; }

    /// <summary>The settings of a user who never chose: papers as they arrive.</summary>
    public static AlertDeliverySettings For(string platform, string userId) => new() { Platform = platform, UserId = userId };
}
