namespace ChatBot.Core.Chat;

/// <summary>
/// A platform refused or failed a request. <see cref="Code"/> is the platform's own error code
/// (Discord's numeric code such as <c>50007</c>, Slack's error string such as <c>channel_not_found</c>);
/// <see cref="IsPermanent"/> is false for failures worth retrying later (rate limits, 5xx).
/// </summary>
public sealed class ChatPlatformException : Exception
{
    public ChatPlatformException()
    {
    }

    public ChatPlatformException(string message)
        : base(message)
    {
    }

    public ChatPlatformException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChatPlatformException(string platform, string code, string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException)
    {
        Platform = platform;
        Code = code;
        IsPermanent = isPermanent;
    }

    public string Platform { get; } = "";

    public string Code { get; } = "";

    public bool IsPermanent { get; }

    /// <summary>The user cannot be sent direct messages (Discord 50007, Slack cannot_dm_bot / user_not_found / user_disabled).</summary>
    public bool IsUndeliverableToUser { get; init; }

    /// <summary>The platform refused the credential itself (Discord 401, Slack invalid_auth / not_authed / token_revoked / ...): no retry helps until the setting changes.</summary>
    public bool IsCredentialRejected { get; init; }
}
