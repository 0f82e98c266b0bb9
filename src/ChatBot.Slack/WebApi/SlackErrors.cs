using ChatBot.Core.Chat;
using ChatBot.Slack.Platform;

namespace ChatBot.Slack.WebApi;

/// <summary>What Slack's <c>ok:false</c> error strings mean for us: worth retrying later, not deliverable to the user, or a refused token.</summary>
internal static class SlackErrors
{
    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "ratelimited", "rate_limited", "internal_error", "fatal_error", "request_timeout", "service_unavailable",
    };

    private static readonly HashSet<string> Undeliverable = new(StringComparer.Ordinal)
    {
        "cannot_dm_bot", "user_not_found", "user_disabled",
    };

    // The token itself is wrong, revoked or of the wrong kind (an xoxb- where an xapp- is needed, or the reverse).
    private static readonly HashSet<string> CredentialRejected = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type",
    };

    public static ChatPlatformException For(string method, string error) =>
        new(SlackPlatform.PlatformName, error, $"Slack {method} failed: {error}", isPermanent: !Transient.Contains(error))
        {
            IsUndeliverableToUser = Undeliverable.Contains(error),
            IsCredentialRejected = CredentialRejected.Contains(error),
        };
}
