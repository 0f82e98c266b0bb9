using LiteDB;

namespace ChatBot.Storage.Alerts;

/// <summary>Where one user's deliveries stand in <c>alert_recipients</c>: settled through a sequence, and their pending papers' attempts.</summary>
internal sealed record Recipient(long Settled, int Attempts, DateTimeOffset? RetryAt, string? Error)
{
    private static readonly Recipient None = new(0, 0, null, null);

    public static Recipient Of(BsonDocument? document) => document is null
        ? None
        : new(
            document["Settled"].AsInt64,
            document["Attempts"].AsInt32,
            document["RetryAt"] is { IsNumber: true } ticks ? new DateTimeOffset(ticks.AsInt64, TimeSpan.Zero) : null,
            document["Error"] is { IsString: true } text ? text.AsString : null);
}
