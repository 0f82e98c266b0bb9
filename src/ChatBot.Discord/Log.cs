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

    [LoggerMessage(EventId = 3112, Level = LogLevel.Warning, Message = "Discord gateway: GET /gateway/bot failed; retrying in {Delay}")]
    public static partial void GatewayDiscoveryFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 3113, Level = LogLevel.Error, Message = "Discord gateway: GET /gateway/bot was refused ({Code}: {Reason}); the gateway does not start. Check Discord:Token.")]
    public static partial void GatewayDiscoveryRefused(ILogger logger, string code, string reason);

    [LoggerMessage(EventId = 3114, Level = LogLevel.Debug, Message = "Discord gateway: waiting {Delay} before the next Identify (one per 5 s)")]
    public static partial void GatewayIdentifyWaiting(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 3115, Level = LogLevel.Warning, Message = "Discord gateway: no session starts left today; waiting {Delay} before identifying")]
    public static partial void GatewaySessionStartsExhausted(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 3116, Level = LogLevel.Information, Message = "Discord gateway: shard {ShardId} stopped")]
    public static partial void GatewayStopped(ILogger logger, int shardId);

    [LoggerMessage(EventId = 3117, Level = LogLevel.Warning, Message = "Discord gateway: skipped {Problem}")]
    public static partial void GatewayFrameSkipped(ILogger logger, string problem);

    [LoggerMessage(EventId = 3118, Level = LogLevel.Warning, Message = "Discord gateway: received a frame that is not JSON ({Problem}); closing the connection to resume")]
    public static partial void GatewayFrameUnreadable(ILogger logger, string problem);

    [LoggerMessage(EventId = 3119, Level = LogLevel.Warning, Message = "Discord gateway: a message was larger than {Limit} bytes; closing the connection to resume")]
    public static partial void GatewayMessageTooLarge(ILogger logger, int limit);

    [LoggerMessage(EventId = 3120, Level = LogLevel.Warning, Message = "Discord gateway: Hello without a heartbeat_interval between {Min} and {Max}; closing the connection to try again")]
    public static partial void GatewayHelloUnusable(ILogger logger, TimeSpan min, TimeSpan max);

    [LoggerMessage(EventId = 3121, Level = LogLevel.Warning, Message = "Discord gateway: READY's resume_gateway_url ({Url}) is not a wss:// URL; the session resumes on the gateway URL instead")]
    public static partial void GatewayResumeUrlIgnored(ILogger logger, string url);

    [LoggerMessage(EventId = 3122, Level = LogLevel.Error, Message = "Discord gateway: shard {ShardId}'s client failed unexpectedly; restarting it in {Delay}")]
    public static partial void GatewayFaulted(ILogger logger, int shardId, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 3123, Level = LogLevel.Debug, Message = "Discord gateway: ignored opcode {Op}")]
    public static partial void GatewayUnknownOpcode(ILogger logger, int op);

    // Interactions (3200-3299)

    [LoggerMessage(EventId = 3200, Level = LogLevel.Debug, Message = "Discord interaction {InteractionId} (type {Type}) received")]
    public static partial void InteractionReceived(ILogger logger, string interactionId, int type);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Debug, Message = "Discord interactions endpoint: request refused with 401 ({Reason})")]
    public static partial void InteractionSignatureRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Warning, Message = "Discord interactions endpoint: unreadable interaction body: {Reason}")]
    public static partial void InteractionMalformed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Information, Message = "Discord interactions endpoint: interaction {InteractionId} delivered again; answered with its first response, not run twice")]
    public static partial void InteractionRedelivered(ILogger logger, string interactionId);

    [LoggerMessage(EventId = 3290, Level = LogLevel.Information, Message = "Discord interaction {InteractionId} was claimed by another process; not answered here")]
    public static partial void InteractionClaimedElsewhere(ILogger logger, string interactionId);

    [LoggerMessage(EventId = 3291, Level = LogLevel.Warning, Message = "Discord interaction {InteractionId} could not be claimed in the database, answered anyway: {Error}")]
    public static partial void InteractionClaimFailed(ILogger logger, string interactionId, string error);
}
