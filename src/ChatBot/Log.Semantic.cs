namespace ChatBot;

internal static partial class Log
{
    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Paper vectors: {Reason}; {Papers} papers embedded, at revision {Revision}")]
    public static partial void VectorsSynchronized(ILogger logger, Core.Semantic.VectorSyncReason reason, int papers, long revision);

    [LoggerMessage(EventId = 61, Level = LogLevel.Information, Message = "Embedding papers: {Percent}% ({Papers} papers)")]
    public static partial void VectorProgress(ILogger logger, int percent, int papers);
}
