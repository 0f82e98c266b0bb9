using Microsoft.Extensions.Logging;

namespace ChatBot.Storage;

/// <summary>The alert store's log messages (2040-2059).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2040, Level = LogLevel.Information, Message = "Alert settings of {Users} users moved from the state collection into alert_settings (a database written by an older version)")]
    public static partial void AlertSettingsMigrated(ILogger logger, int users);
}
