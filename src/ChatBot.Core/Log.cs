using Microsoft.Extensions.Logging;

namespace ChatBot.Core;

/// <summary>
/// Every log message of ChatBot.Core, source-generated. Event ids are grouped by feature:
/// 1100-1199 paper sources.
/// </summary>
internal static partial class Log
{
    // Paper sources (1100-1199)

    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Paper source {Source} is disabled; nothing fetched")]
    public static partial void SourceDisabled(this ILogger logger, string source);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Hugging Face has no daily list for {Date} yet (HTTP 400); skipped")]
    public static partial void HuggingFaceDateNotOpen(this ILogger logger, string date);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Fetched {Origin}: {Items} items, {Papers} papers, {Rejections} rejected")]
    public static partial void SourcePageFetched(this ILogger logger, string origin, int items, int papers, int rejections);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Hugging Face still had full pages for {Date} after {Pages} pages; stopped paging")]
    public static partial void HuggingFacePageCapReached(this ILogger logger, string date, int pages);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Debug, Message = "arXiv: waiting {Delay} before the next request (request spacing)")]
    public static partial void ArxivWaitingForSpacing(this ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Debug, Message = "arXiv: {Count} entries of {Origin} were already fetched from an earlier page and are skipped")]
    public static partial void ArxivDuplicatesSkipped(this ILogger logger, string origin, int count);

    [LoggerMessage(EventId = 1120, Level = LogLevel.Information, Message = "Inbox: imported {File} ({Papers} papers, {Rejections} rejected blocks), moved to {Destination}")]
    public static partial void InboxFileProcessed(this ILogger logger, string file, int papers, int rejections, string destination);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Warning, Message = "Inbox: nothing in {File} could be read; moved to {Destination}: {Reason}")]
    public static partial void InboxFileRejected(this ILogger logger, string file, string destination, string reason);

    [LoggerMessage(EventId = 1122, Level = LogLevel.Warning, Message = "Inbox: cannot read {File}; left in place, retried next time")]
    public static partial void InboxFileUnreadable(this ILogger logger, string file, Exception exception);

    [LoggerMessage(EventId = 1123, Level = LogLevel.Debug, Message = "Inbox: {File} was written less than {Settle} ago; skipped until it settles")]
    public static partial void InboxFileNotSettled(this ILogger logger, string file, TimeSpan settle);

    [LoggerMessage(EventId = 1124, Level = LogLevel.Warning, Message = "Inbox: imported {File} but could not move it out of the inbox; it will be imported again next time")]
    public static partial void InboxFileMoveFailed(this ILogger logger, string file, Exception exception);

    [LoggerMessage(EventId = 1125, Level = LogLevel.Warning, Message = "Inbox: {File} is {Kind}, not a regular file; left alone (only regular files are imported)")]
    public static partial void InboxEntrySkipped(this ILogger logger, string file, string kind);

    [LoggerMessage(EventId = 1126, Level = LogLevel.Error, Message = "Inbox: {Folder} is {Kind}, not a folder; no file is moved there (files stay in the inbox) until it is a real folder")]
    public static partial void InboxFolderRefused(this ILogger logger, string folder, string kind);
}
