using ChatBot.Slack.Http;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack;

/// <summary>
/// Every log message of ChatBot.Slack, source-generated. Event ids: 4000-4099 Web API,
/// 4100-4199 Socket Mode, 4200-4299 HTTP endpoints, 4300-4399 platform. Never log a token or the signing secret.
/// </summary>
internal static partial class Log
{
    // Web API (4000-4099)

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Slack {Method}: rate limited (HTTP 429); waiting {RetryAfter} before attempt {Attempt}")]
    public static partial void RateLimited(ILogger logger, string method, TimeSpan retryAfter, int attempt);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Slack {Method}: still rate limited after {Attempts} attempts; giving up")]
    public static partial void RateLimitRetriesExhausted(ILogger logger, string method, int attempts);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Slack {Method}: HTTP {Status}")]
    public static partial void HttpFailed(ILogger logger, string method, int status);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Slack {Method}: ok:false, error {Error}")]
    public static partial void ApiError(ILogger logger, string method, string error);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Slack {Method}: {Reason}")]
    public static partial void CallFailed(ILogger logger, string method, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Slack {Method}: outcome unknown ({Code}); the call cannot act twice, sending it again in {Delay} (attempt {Attempt} of {MaxAttempts})")]
    public static partial void UnknownOutcomeRetry(ILogger logger, string method, string code, TimeSpan delay, int attempt, int maxAttempts);

    // Socket Mode (4100-4199)

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Slack Socket Mode: opening {Connections} connections")]
    public static partial void SocketModeStarting(ILogger logger, int connections);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Slack Socket Mode: connection {Slot} ready (attempt {Attempt})")]
    public static partial void SocketConnected(ILogger logger, int slot, int attempt);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Slack Socket Mode: connection {Slot} asked to disconnect ({Reason}); opening its replacement first")]
    public static partial void SocketRefreshing(ILogger logger, int slot, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Slack Socket Mode: connection {Slot} dropped; reconnecting")]
    public static partial void SocketReconnecting(ILogger logger, int slot);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Slack Socket Mode: connection {Slot} attempt {Attempt} failed ({Reason}); retrying in {Backoff}")]
    public static partial void SocketConnectFailed(ILogger logger, int slot, int attempt, TimeSpan backoff, string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "Slack Socket Mode: Slack refused apps.connections.open ({Error}); check Slack:AppToken (an xapp- token with connections:write). Socket Mode stopped")]
    public static partial void SocketModeRefused(ILogger logger, string error);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Error, Message = "Slack Socket Mode: Slack disabled Socket Mode for this app (link_disabled on connection {Slot}); not reconnecting. Turn Socket Mode on in the app settings and restart, or use the HTTP endpoints")]
    public static partial void LinkDisabled(ILogger logger, int slot);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Debug, Message = "Slack Socket Mode: connection {Slot} stopped receiving: {Reason}")]
    public static partial void SocketDropped(ILogger logger, int slot, string reason);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Warning, Message = "Slack Socket Mode: connection {Slot} sent a frame that is not JSON: {Start}")]
    public static partial void SocketFrameUnreadable(ILogger logger, int slot, string start);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Warning, Message = "Slack Socket Mode: closing connection {Slot} with {Count} acknowledgements still pending")]
    public static partial void SocketCloseWithPendingAcks(ILogger logger, int slot, int count);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Debug, Message = "Slack Socket Mode: envelope {EnvelopeId} ({Type}, retry {RetryAttempt}) was already handled; acknowledged only")]
    public static partial void EnvelopeDuplicate(ILogger logger, string envelopeId, string type, int retryAttempt);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Debug, Message = "Slack Socket Mode: envelope {EnvelopeId} ({Type}) on connection {Slot}")]
    public static partial void EnvelopeReceived(ILogger logger, string envelopeId, string type, int slot);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Slack Socket Mode: envelope {EnvelopeId} does not accept a response payload; the reply is dropped")]
    public static partial void ReplyNotAccepted(ILogger logger, string envelopeId);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "Slack Socket Mode: could not acknowledge envelope {EnvelopeId} on connection {Slot}: {Reason}")]
    public static partial void AckFailed(ILogger logger, string envelopeId, int slot, string reason);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Warning, Message = "Slack Socket Mode: connection {Slot} sent a message over {Limit} bytes; closing it (a new connection replaces it)")]
    public static partial void SocketMessageTooLarge(ILogger logger, int slot, int limit);

    [LoggerMessage(EventId = 4115, Level = LogLevel.Warning, Message = "Slack Socket Mode: connection {Slot} sent a malformed frame ({Problem}); skipped")]
    public static partial void SocketFrameMalformed(ILogger logger, int slot, string problem);

    [LoggerMessage(EventId = 4116, Level = LogLevel.Error, Message = "Slack Socket Mode: connection {Slot} stopped receiving on an unexpected error; it is replaced")]
    public static partial void SocketReceiveFailed(ILogger logger, int slot, Exception exception);

    [LoggerMessage(EventId = 4117, Level = LogLevel.Error, Message = "Slack Socket Mode: connection {Slot} failed unexpectedly; reopening it in {Backoff}")]
    public static partial void SocketSlotFailed(ILogger logger, int slot, TimeSpan backoff, Exception exception);

    [LoggerMessage(EventId = 4118, Level = LogLevel.Error, Message = "Slack Socket Mode: envelope {EnvelopeId} ({Type}) failed unexpectedly; acknowledged without a reply")]
    public static partial void EnvelopeFailed(ILogger logger, string envelopeId, string type, Exception exception);

    [LoggerMessage(EventId = 4119, Level = LogLevel.Warning, Message = "Slack Socket Mode: envelope {EnvelopeId} ({Type}) has a payload that is not a JSON object; acknowledged and skipped")]
    public static partial void EnvelopePayloadMalformed(ILogger logger, string envelopeId, string type);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Critical, Message = "Slack Socket Mode: the client stopped unexpectedly; restarting it in {Backoff}")]
    public static partial void SocketModeRestarting(ILogger logger, TimeSpan backoff, Exception? exception);

    // HTTP endpoints (4200-4299)

    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning, Message = "Slack HTTP: refused a request to {Path}: signature {Check}")]
    public static partial void SignatureRejected(ILogger logger, string path, SignatureCheck check);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "Slack HTTP: event {Type} acknowledged and ignored")]
    public static partial void EventIgnored(ILogger logger, string type);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Slack HTTP: refused a request to {Path}: the body is over {Limit} bytes (413)")]
    public static partial void BodyTooLarge(ILogger logger, string path, int limit);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Slack HTTP: {Path} retry {RetryNum} ({RetryReason}) of a delivery already handled; acknowledged, not run again")]
    public static partial void RetryIgnored(ILogger logger, string path, string retryNum, string retryReason);

    // Platform (4300-4399)

    [LoggerMessage(EventId = 4300, Level = LogLevel.Debug, Message = "Slack: opened direct-message channel {Channel} for user {UserId}")]
    public static partial void DirectChannelOpened(ILogger logger, string userId, string channel);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Slack: a {Kind} payload had no response_url; its reply cannot be delivered")]
    public static partial void NoResponseUrl(ILogger logger, string kind);

    [LoggerMessage(EventId = 4390, Level = LogLevel.Warning, Message = "Slack envelope {EnvelopeId} could not be claimed in the database, run anyway: {Error}")]
    public static partial void EnvelopeClaimFailed(ILogger logger, string envelopeId, string error);

    [LoggerMessage(EventId = 4391, Level = LogLevel.Warning, Message = "Slack HTTP delivery {Key} could not be claimed in the database, run anyway: {Error}")]
    public static partial void RequestClaimFailed(ILogger logger, string key, string error);
}
