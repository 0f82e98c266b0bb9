using Microsoft.Extensions.Logging;

namespace ChatBot.Core;

internal static partial class Log
{
    // Commands (1300-1399)

    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "{Platform}: /{Command} {Subcommand} answered in {Milliseconds:0.0} ms")]
    public static partial void CommandHandled(ILogger logger, string platform, string command, string subcommand, double milliseconds);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "{Platform}: /{Command} {Subcommand} refused: {Reason}")]
    public static partial void CommandRefused(ILogger logger, string platform, string command, string subcommand, string reason);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Error, Message = "{Platform}: /{Command} {Subcommand} failed")]
    public static partial void CommandFailed(ILogger logger, string platform, string command, string subcommand, Exception exception);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Debug, Message = "{Platform}: /{Command} not answered within {Budget} of its arrival; deferred")]
    public static partial void CommandDeferred(ILogger logger, string platform, string command, TimeSpan budget);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "{Platform}: answering /{Command} failed (deferred: {Deferred})")]
    public static partial void AnswerFailed(ILogger logger, string platform, string command, bool deferred, Exception exception);
}
