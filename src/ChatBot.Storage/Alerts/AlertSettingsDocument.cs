using System.Globalization;
using ChatBot.Core.Alerts;
using LiteDB;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// A user's <see cref="AlertDeliverySettings"/> as one document of the <c>alert_settings</c> collection, keyed by
/// <c>{platform}:{user}</c>: <c>Digest</c> (<c>instant</c> or <c>daily|HH:mm|Zone</c>) and <c>DigestSentOn</c> (<c>yyyy-MM-dd</c> or null).
/// </summary>
internal static class AlertSettingsDocument
{
    public const string CollectionName = "alert_settings";

    private const string DateFormat = "yyyy-MM-dd";

    public static string Id(string platform, string userId) => $"{platform}:{userId}";

    public static BsonDocument From(AlertDeliverySettings settings) => new()
    {
        ["_id"] = Id(settings.Platform, settings.UserId),
        ["Platform"] = settings.Platform,
        ["User"] = settings.UserId,
        ["Digest"] = settings.Digest.ToStored(),
        ["DigestSentOn"] = settings.DigestSentOn is { } day ? new BsonValue(day.ToString(DateFormat, CultureInfo.InvariantCulture)) : BsonValue.Null,
    };

    public static AlertDeliverySettings To(BsonDocument document) => new()
    {
        Platform = document["Platform"].AsString,
        UserId = document["User"].AsString,
        Digest = AlertDigest.FromStored(document["Digest"].IsString ? document["Digest"].AsString : null),
        DigestSentOn = ParseDate(document["DigestSentOn"].IsString ? document["DigestSentOn"].AsString : null),
    };

    /// <summary>A stored <c>yyyy-MM-dd</c>, or null for anything else.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
