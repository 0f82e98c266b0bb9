namespace ChatBot;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Ingest tick failed")]
    public static partial void IngestTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "No Discord or Slack token is configured: running without a chat platform. Data directory: {DataDirectory}")]
    public static partial void NoPlatformConfigured(ILogger logger, string dataDirectory);
}
