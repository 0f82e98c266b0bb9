using Microsoft.Extensions.Logging;

namespace ChatBot.Core;

internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Ingest {Source}: {New} new, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected")]
    public static partial void SourceIngested(ILogger logger, string source, int @new, int updated, int unchanged, int rejected);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Ingest {Source}: nothing")]
    public static partial void SourceHadNothing(ILogger logger, string source);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Ingest {Source} failed ({Error}); failure {Failures} in a row, next attempt in {Delay}")]
    public static partial void SourceFailed(ILogger logger, string source, string error, int failures, TimeSpan delay);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Ingest {Source} threw")]
    public static partial void SourceException(ILogger logger, string source, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Ingest {Source} rejected {Rejection}")]
    public static partial void PaperRejected(ILogger logger, string source, Ingestion.Rejection rejection);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Ingest {Source}: stopped with the host; what it stored is kept, the rest is fetched at the next start")]
    public static partial void SourceStopped(ILogger logger, string source);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "The search index could not take {Count} stored papers; it catches up on the next update")]
    public static partial void IndexUpdateFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Search index {Reason}: indexing store revisions {From} to {To}")]
    public static partial void IndexCatchingUp(ILogger logger, Search.IndexSyncReason reason, long from, long to);
}
