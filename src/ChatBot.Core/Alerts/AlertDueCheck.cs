using System.Collections.Concurrent;
using ChatBot.Core.DailyThreads;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Alerts;

/// <summary>
/// When a user's alert papers may go: at once for instant delivery; for a daily digest, once their local
/// digest time of today has passed and today's digest has not gone yet. A time zone stored when it was valid
/// may be unknown later (another machine, older time zone data): then UTC, with one warning per user and zone.
/// </summary>
public sealed class AlertDueCheck(ILogger<AlertDueCheck> logger)
{
    private readonly ConcurrentDictionary<string, byte> _unknownZonesReported = new(StringComparer.Ordinal);

    public AlertDue Check(AlertDeliverySettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var digest = settings.Digest;
        if (!digest.Daily)
        {
            return AlertDue.AtOnce;
        }

        var zone = Zone(settings);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var due = DailyThreadScheduleClock.DueAt(digest.LocalTime, today, zone) <= now && settings.DigestSentOn != today;
        return new AlertDue(due, today);
    }

    private TimeZoneInfo Zone(AlertDeliverySettings settings)
    {
        var zoneId = settings.Digest.TimeZoneId;
        try
        {
            return DailyThreadScheduleClock.FindTimeZone(zoneId);
        }
        catch (ChatBotException)
        {
            if (_unknownZonesReported.TryAdd($"{settings.Platform}:{settings.UserId}|{zoneId}", 0))
            {
                Log.AlertDigestZoneUnknown(logger, settings.Platform, zoneId);
            }

            return TimeZoneInfo.Utc;
        }
    }
}
