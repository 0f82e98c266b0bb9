using Microsoft.Extensions.Logging;

namespace ChatBot.Discord;

/// <summary>
/// Every log message of ChatBot.Discord, source-generated. Event ids: 3000-3099 REST,
/// 3100-3199 gateway, 3200-3299 interactions, 3300-3399 platform and registration. Never log a token.
/// </summary>
internal static partial class Log
{
    // Gateway (3100-3199)

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Discord gateway: connecting to {Url} (resume: {Resume})")]
    public static partial void GatewayConnecting(ILogger logger, Uri url, bool resume);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Discord gateway: ready as {User}, shard {ShardId} of {ShardCount}")]
    public static partial void GatewayReady(ILogger logger, string user, int shardId, int shardCount);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Discord gateway: session resumed at sequence {Sequence}")]
    public static partial void GatewayResumed(ILogger logger, long sequence);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat ACK within {Interval}; closing the zombie connection to resume")]
    public static partial void GatewayZombie(ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Discord gateway: the server asked for a reconnect (op 7)")]
    public static partial void GatewayReconnectRequested(ILogger logger);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "Discord gateway: invalid session (op 9, resumable: {Resumable})")]
    public static partial void GatewayInvalidSession(ILogger logger, bool resumable);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Discord gateway: closed with {Code} ({Meaning}) {Reason}")]
    public static partial void GatewayClosed(ILogger logger, int code, string meaning, string reason);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Error, Message = "Discord gateway: closed with {Code} ({Meaning}); not reconnecting. Fix the setting and restart the bot.")]
    public static partial void GatewayClosedFatally(ILogger logger, int code, string meaning);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Warning, Message = "Discord gateway: connection lost: {Reason}")]
    public static partial void GatewayDropped(ILogger logger, string reason);

    [LoggerMessage(EventId = 3109, Level = LogLevel.Information, Message = "Discord gateway: reconnecting in {Delay} to {Mode}")]
    public static partial void GatewayReconnecting(ILogger logger, TimeSpan delay, string mode);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Debug, Message = "Discord gateway: interaction {InteractionId} was already handled; replay ignored")]
    public static partial void GatewayDuplicateInteraction(ILogger logger, string interactionId);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Error, Message = "Discord gateway: handling an interaction failed")]
    public static partial void GatewayDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Warning, Message = "Discord gateway: GET /gateway/bot failed; retrying in {Delay}")]
    public static partial void GatewayDiscoveryFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 3113, Level = LogLevel.Error, Message = "Discord gateway: GET /gateway/bot was refused ({Code}: {Reason}); the gateway does not start. Check Discord:Token.")]
    public static partial void GatewayDiscoveryRefused(ILogger logger, string code, string reason);

    [LoggerMessage(EventId = 3114, Level = LogLevel.Debug, Message = "Discord gateway: waiting {Delay} before the next Identify (one per 5 s)")]
    public static partial void GatewayIdentifyWaiting(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 3115, Level = LogLevel.Warning, Message = "Discord gateway: no session starts left today; waiting {Delay} before identifying")]
    public static partial void GatewaySessionStartsExhausted(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 3116, Level = LogLevel.Information, Message = "Discord gateway: stopped")]
    public static partial void GatewayStopped(ILogger logger);

    // Interactions (3200-3299)

    [LoggerMessage(EventId = 3200, Level = LogLevel.Debug, Message = "Discord interaction {InteractionId} (type {Type}, {Subcommand}) received")]
    public static partial void InteractionReceived(ILogger logger, string interactionId, int type, string subcommand);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "Discord interaction {InteractionId}: not answered within {DeferAfter}; deferred")]
    public static partial void InteractionDeferred(ILogger logger, string interactionId, TimeSpan deferAfter);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Discord interaction {InteractionId}: answering failed (deferred: {Deferred})")]
    public static partial void InteractionAnswerFailed(ILogger logger, string interactionId, bool deferred, Exception exception);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Debug, Message = "Discord interactions endpoint: request refused with 401 ({Reason})")]
    public static partial void InteractionSignatureRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "Discord interactions endpoint: unreadable interaction body: {Reason}")]
    public static partial void InteractionMalformed(ILogger logger, string reason);
}
