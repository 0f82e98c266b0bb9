using ChatBot.Core.Chat;

namespace ChatBot.Slack.WebApi;

/// <summary>What Slack's <c>ok:false</c> error strings mean for us: worth retrying later, or not deliverable to the user.</summary>
internal static class SlackErrors
{
    public const string Platform = "slack";

    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "ratelimited", "rate_limited", "internal_error", "fatal_error", "request_timeout", "service_unavailable",
    };

    private static readonly HashSet<string> Undeliverable = new(StringComparer.Ordinal)
    {
        "cannot_dm_bot", "user_not_found", "user_disabled",
    };

    public static ChatPlatformException For(string method, string error) =>
        new(Platform, error, $"Slack {method} failed: {error}", isPermanent: !Transient.Contains(error))
        {
            IsUndeliverableToUser = Undeliverable.Contains(error),
        };
}
