using Microsoft.Extensions.Logging;

namespace ChatBot.Storage;

/// <summary>
/// Every log message of ChatBot.Storage, source-generated. Event ids 2000-2099:
/// 2000-2019 the search index.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "The search index in {Directory} could not be opened and was reset to empty; it will be rebuilt from the database. Reason: {Reason}")]
    public static partial void SearchIndexReset(ILogger logger, string directory, string reason, Exception? exception);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Search index opened in {Directory}: {Documents} papers, revision {Revision}")]
    public static partial void SearchIndexOpened(ILogger logger, string directory, int documents, long revision);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Search index: {Indexed} papers indexed, {UpvotesUpdated} upvote counts updated, {Removed} removed, revision {Revision}")]
    public static partial void SearchIndexUpdated(ILogger logger, int indexed, int upvotesUpdated, int removed, long revision);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Search index committed at revision {Revision}")]
    public static partial void SearchIndexCommitted(ILogger logger, long revision);
}
