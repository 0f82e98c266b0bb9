using Microsoft.Extensions.Logging;

namespace ChatBot.Storage;

/// <summary>The database's log messages (2020-2039): backups and restores.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Backup written to {Path}: {Bytes} bytes, {Papers} papers, in {Milliseconds} ms")]
    public static partial void BackupWritten(ILogger logger, string path, long bytes, int papers, long milliseconds);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Information, Message = "Database restored from {Source} into {Database}: {Papers} papers; the previous database is kept as {Previous}; the search index was emptied and is rebuilt on the next start")]
    public static partial void DatabaseRestored(ILogger logger, string source, string database, int papers, string previous);
}
