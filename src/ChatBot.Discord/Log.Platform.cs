using Microsoft.Extensions.Logging;

namespace ChatBot.Discord;

internal static partial class Log
{
    // Platform and command registration (3300-3399)

    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Discord already has the bot's commands ({Target}); nothing registered")]
    public static partial void CommandsUpToDate(ILogger logger, string target);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Registered {Count} Discord commands ({Target}); Discord had {Before} that differed")]
    public static partial void CommandsRegistered(ILogger logger, int count, string target, int before);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Error, Message = "Discord refused the command registration ({Target}), code {Code}: {Error}; the bot runs on with the commands Discord had")]
    public static partial void CommandRegistrationRefused(ILogger logger, string target, string code, string error);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Error, Message = "Discord command registration ({Target}) failed; the bot runs on with the commands Discord had")]
    public static partial void CommandRegistrationFailed(ILogger logger, string target, Exception exception);

    [LoggerMessage(EventId = 3310, Level = LogLevel.Debug, Message = "Discord: started thread {ThreadId} in channel {ChannelId} ({Kind})")]
    public static partial void ThreadStarted(ILogger logger, string threadId, string channelId, string kind);

    [LoggerMessage(EventId = 3311, Level = LogLevel.Debug, Message = "Discord: opened the DM channel {ChannelId} with user {UserId}")]
    public static partial void DirectMessageChannelOpened(ILogger logger, string channelId, string userId);
}
