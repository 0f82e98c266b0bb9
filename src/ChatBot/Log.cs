namespace ChatBot;

internal static partial class Log
{
    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "No Discord or Slack token is configured and Console:Enabled is false: running headless (ingest only). Data directory: {DataDirectory}")]
    public static partial void NoPlatformConfigured(ILogger logger, string dataDirectory);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Search index {Reason}: {Papers} papers indexed")]
    public static partial void IndexSynchronized(ILogger logger, Core.Search.IndexSyncReason reason, int papers);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Indexing: {Percent}% ({Papers} papers)")]
    public static partial void IndexProgress(ILogger logger, int percent, int papers);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Console input ended; stopping")]
    public static partial void ConsoleClosed(ILogger logger);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "{Worker} tick failed; the next tick tries again")]
    public static partial void WorkerTickFailed(ILogger logger, string worker, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Stopping: no new commands; sends under way get up to {GracePeriod} to finish, and what is left resumes on the next start")]
    public static partial void Stopping(ILogger logger, TimeSpan gracePeriod);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Stopped: sends finished or recorded; closing the database and search index")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 9, Level = LogLevel.Critical, Message = "The bot could not start")]
    public static partial void StartFailed(ILogger logger, Exception exception);
}
