using Microsoft.Extensions.Logging;

namespace ChatBot.Core;

internal static partial class Log
{
    // Daily threads (1400-1499)

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Daily thread {Schedule} for {Date}: posted {Papers} papers")]
    public static partial void DailyPostCompleted(ILogger logger, string schedule, DateOnly date, int papers);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Daily thread {Schedule} for {Date} skipped: the bot was down at {DueAt} and past the catch-up window")]
    public static partial void DailyPostSkipped(ILogger logger, string schedule, DateOnly date, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Daily thread {Schedule} for {Date}: no paper qualified (filter {Filter})")]
    public static partial void DailyPostQuiet(ILogger logger, string schedule, DateOnly date, string filter);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Daily thread {Schedule} for {Date} failed on {Platform} ({Code}: {Error}); failure {Failures} in a row, retried in {Delay}")]
    public static partial void DailyPostFailed(ILogger logger, string schedule, DateOnly date, string platform, string code, string error, int failures, TimeSpan delay);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Daily thread {Schedule} paused: {Reason}")]
    public static partial void DailySchedulePaused(ILogger logger, string schedule, string reason);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Error, Message = "Daily thread {Schedule} failed")]
    public static partial void DailyScheduleFailed(ILogger logger, string schedule, Exception exception);
}
