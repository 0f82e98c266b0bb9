using Microsoft.Extensions.Logging;

namespace ChatBot.Storage;

internal static partial class Log
{
    // Paper vectors (2060-2069)

    [LoggerMessage(EventId = 2060, Level = LogLevel.Information, Message = "Paper vectors opened from {File}: {Count} vectors at revision {Revision} ({Model})")]
    public static partial void VectorFileOpened(ILogger logger, string file, int count, long revision, string model);

    [LoggerMessage(EventId = 2061, Level = LogLevel.Warning, Message = "Paper vectors in {File} end with an unfinished or damaged step; kept up to revision {Revision}, the rest is embedded again")]
    public static partial void VectorFileTailDropped(ILogger logger, string file, long revision);

    [LoggerMessage(EventId = 2062, Level = LogLevel.Warning, Message = "Paper vectors in {File} could not be read and start empty; every paper will be embedded again. Reason: {Reason}")]
    public static partial void VectorFileUnreadable(ILogger logger, string file, string reason, Exception exception);
}
