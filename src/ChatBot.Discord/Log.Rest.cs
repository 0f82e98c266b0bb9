using Microsoft.Extensions.Logging;

namespace ChatBot.Discord;

internal static partial class Log
{
    // REST (3000-3099). Routes are logged as templates (POST /webhooks/{application_id}/{token}/...), never with a token.

    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "Discord REST: {Route} waits {Wait} for its rate limit bucket to reset")]
    public static partial void RateLimitBucketWait(ILogger logger, string route, TimeSpan wait);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Discord REST: {Route} waits {Wait} for the global rate limit")]
    public static partial void RateLimitGlobalWait(ILogger logger, string route, TimeSpan wait);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Discord REST: {Route} was rate limited (429, global: {Global}, scope: {Scope}); retrying after {RetryAfter} (attempt {Attempt} of {MaxAttempts})")]
    public static partial void RateLimited(ILogger logger, string route, bool global, string scope, TimeSpan retryAfter, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Discord REST: {Route} answered HTTP {Status}; retrying after {Delay} (attempt {Attempt} of {MaxAttempts})")]
    public static partial void ServerErrorRetry(ILogger logger, string route, int status, TimeSpan delay, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Discord REST: {Route} failed to reach Discord ({Reason}); retrying after {Delay} (attempt {Attempt} of {MaxAttempts})")]
    public static partial void NetworkErrorRetry(ILogger logger, string route, string reason, TimeSpan delay, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug, Message = "Discord REST: {Route} refused with HTTP {Status}, code {Code}: {Error}")]
    public static partial void RequestRefused(ILogger logger, string route, int status, string code, string error);
}
