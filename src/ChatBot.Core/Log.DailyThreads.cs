using Microsoft.Extensions.Logging;

namespace ChatBot.Core;

internal static partial class Log
{
    // Daily threads (1400-1499)

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Daily thread {Schedule} for {Date}: posted {Papers} papers")]
    public static partial void DailyThreadCompleted(ILogger logger, string schedule, DateOnly date, int papers);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Daily thread {Schedule} for {Date} skipped: the bot was down at {DueAt} and past the catch-up window")]
    public static partial void DailyThreadSkipped(ILogger logger, string schedule, DateOnly date, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Daily thread {Schedule} for {Date}: no paper qualified (filter {Filter})")]
    public static partial void DailyThreadQuiet(ILogger logger, string schedule, DateOnly date, string filter);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Daily thread {Schedule} for {Date} failed on {Platform} ({Code}: {Error}); failure {Failures} in a row, retried in {Delay}")]
    public static partial void DailyThreadFailed(ILogger logger, string schedule, DateOnly date, string platform, string code, string error, int failures, TimeSpan delay);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Daily thread {Schedule} paused: {Reason}")]
    public static partial void DailyThreadSchedulePaused(ILogger logger, string schedule, string reason);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Error, Message = "Daily thread {Schedule} failed")]
    public static partial void DailyThreadScheduleFailed(ILogger logger, string schedule, Exception exception);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Warning, Message = "The configuration section {OldSection} is now {NewSection} (environment variables {OldVariables} are now {NewVariables}); it is still read, but rename it. A setting in both is taken from the new section")]
    public static partial void DailyThreadOldSectionRead(ILogger logger, string oldSection, string newSection, string oldVariables, string newVariables);

    [LoggerMessage(EventId = 1407, Level = LogLevel.Warning, Message = "The configuration section {OldSection} is ignored: {NewSection} replaces it and is set. Remove {OldSection}")]
    public static partial void DailyThreadOldSectionIgnored(ILogger logger, string oldSection, string newSection);

    [LoggerMessage(EventId = 1420, Level = LogLevel.Warning, Message = "Daily thread {Schedule}: its filter asks for meaning, which is unavailable ({Reason}); it matches the words instead")]
    public static partial void DailyThreadMeaningUnavailable(ILogger logger, string schedule, string reason);

    [LoggerMessage(EventId = 1421, Level = LogLevel.Information, Message = "Daily thread {Schedule}: {Papers} fresh papers are not embedded yet; its filter judges them by the words")]
    public static partial void DailyThreadPapersNotEmbedded(ILogger logger, string schedule, int papers);
}
