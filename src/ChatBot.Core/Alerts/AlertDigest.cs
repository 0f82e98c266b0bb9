using System.Globalization;
using ChatBot.Core.DailyThreads;

namespace ChatBot.Core.Alerts;

/// <summary>
/// How a user wants alert papers: as they arrive (instant), or gathered into one message a day at
/// a local time. Part of a user's <see cref="AlertDeliverySettings"/>, stored as <c>instant</c> or <c>daily|HH:mm|Zone/Name</c>.
/// </summary>
public sealed record AlertDigest(bool Daily, TimeOnly LocalTime, string TimeZoneId)
{
    public static readonly AlertDigest Instant = new(false, default, "UTC");

    /// <summary>Reads <c>instant</c>, or <c>daily [HH:mm] [zone]</c> (defaults 09:00 UTC) as a user types it.</summary>
    public static AlertDigest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 1 && string.Equals(words[0], "instant", StringComparison.OrdinalIgnoreCase))
        {
            return Instant;
        }

        if (words.Length is >= 1 and <= 3 && string.Equals(words[0], "daily", StringComparison.OrdinalIgnoreCase))
        {
            var time = words.Length > 1 ? DailyThreadScheduleParser.ParseTime(words[1]) : new TimeOnly(9, 0);
            var zone = words.Length > 2 ? DailyThreadScheduleParser.ParseTimeZone(words[2]) : "UTC";
            return new AlertDigest(true, time, zone);
        }

        throw new ChatBotException("Use /alerts digest instant, or /alerts digest daily [HH:mm] [time zone], e.g. daily 08:00 Europe/Berlin.");
    }

    public static AlertDigest FromStored(string? stored)
    {
        var parts = stored?.Split('|') ?? [];
        return parts is ["daily", var time, var zone]
            && TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var localTime)
            ? new AlertDigest(true, localTime, zone)
            : Instant;
    }

    public string ToStored() => Daily ? string.Create(CultureInfo.InvariantCulture, $"daily|{LocalTime:HH:mm}|{TimeZoneId}") : "instant";

    public override string ToString() => Daily ? string.Create(CultureInfo.InvariantCulture, $"once a day at {LocalTime:HH:mm} {TimeZoneId}") : "as they arrive";
}
