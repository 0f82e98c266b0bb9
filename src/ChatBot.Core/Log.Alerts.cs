using Microsoft.Extensions.Logging;

namespace ChatBot.Core;

internal static partial class Log
{
    // Alerts (1500-1599)

    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Alerts: {Papers} new papers against {Alerts} alerts; {Deliveries} deliveries recorded")]
    public static partial void AlertBatchMatched(ILogger logger, int papers, int alerts, int deliveries);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Alerts: sent {Papers} papers to a {Platform} user")]
    public static partial void AlertMessageSent(ILogger logger, string platform, int papers);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "Alerts: a message to a {Platform} user failed ({Code}: {Error}), attempt {Attempts}; given up: {GivenUp}")]
    public static partial void AlertMessageFailed(ILogger logger, string platform, string code, string error, int attempts, bool givenUp);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "Alerts: alert {AlertId} has a query that no longer parses ({Error}); skipped")]
    public static partial void AlertQueryUnreadable(ILogger logger, string alertId, string error);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Warning, Message = "Alerts: {Count} deliveries wait for platform {Platform}, which is not configured")]
    public static partial void AlertPlatformMissing(ILogger logger, string platform, int count);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Error, Message = "Alerts: delivering to a {Platform} user failed; the other users are delivered, this one is tried again next tick")]
    public static partial void AlertUserFailed(ILogger logger, string platform, Exception exception);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Warning, Message = "Alerts: a {Platform} user's daily digest time zone '{TimeZone}' is not known on this machine; their digest goes out at the same time in UTC until they set it again")]
    public static partial void AlertDigestZoneUnknown(ILogger logger, string platform, string timeZone);

    [LoggerMessage(EventId = 1507, Level = LogLevel.Information, Message = "Alerts: a {Platform} user has no alerts left; {Count} papers waiting for them were dropped")]
    public static partial void AlertDeliveriesDropped(ILogger logger, string platform, int count);

    [LoggerMessage(EventId = 1520, Level = LogLevel.Information, Message = "Alerts: like: alerts wait for the vectors of {Papers} new papers (from sequence {Sequence}); alert matching resumes when they are embedded, or after {Wait}")]
    public static partial void LikeAlertsWaiting(ILogger logger, int papers, long sequence, TimeSpan wait);

    [LoggerMessage(EventId = 1521, Level = LogLevel.Warning, Message = "Alerts: {Papers} new papers still have no vector after {Wait}; like: alerts skip them, keyword alerts match them")]
    public static partial void LikeAlertsGaveUpWaiting(ILogger logger, int papers, TimeSpan wait);

    [LoggerMessage(EventId = 1522, Level = LogLevel.Warning, Message = "Alerts: {Alerts} like: alerts match nothing while search by meaning is unavailable ({Reason})")]
    public static partial void LikeAlertsUnavailable(ILogger logger, int alerts, string reason);

    [LoggerMessage(EventId = 1523, Level = LogLevel.Warning, Message = "Alerts: the paper {PaperId} of {Alerts} like: alerts is no longer stored (or withdrawn); they match nothing")]
    public static partial void LikeAlertSourceMissing(ILogger logger, string paperId, int alerts);
}
