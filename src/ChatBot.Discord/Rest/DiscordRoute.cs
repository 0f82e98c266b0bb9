using ChatBot.Core.Resilience;

namespace ChatBot.Discord.Rest;

/// <summary>
/// One REST call: its method, its path template (<c>/channels/{channel_id}/messages</c>, what rate
/// limit buckets are mapped from and what logs and errors show), the real path and the major parameter
/// (channel, guild, webhook or interaction) that splits a bucket. The real path of an interaction or
/// webhook call holds a token: <see cref="ToString"/> shows only the template. <c>DeduplicatedByDiscord</c>
/// marks a POST that Discord acts on once however often it is sent (each says where it is built, citing the docs).
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter, bool IsInteraction = false, bool DeduplicatedByDiscord = false)
{
    /// <summary>Whether the call is sent again after a timeout, a dropped connection or a 5xx: every method but POST is idempotent.</summary>
    public RetrySafety Safety => Method != HttpMethod.Post || DeduplicatedByDiscord ? RetrySafety.Repeatable : RetrySafety.OnceOnly;

    /// <summary><c>POST /channels/{channel_id}/messages</c></summary>
    public string Key => $"{Method.Method} {Template}";

    /// <summary>Interaction callbacks and webhooks authenticate with their token in the path, not with the bot token.</summary>
    public bool SendsBotToken => !IsInteraction;

    /// <summary>Interaction endpoints are exempt from the 50 requests per second global limit.</summary>
    public bool CountsTowardGlobalLimit => !IsInteraction;

    public override string ToString() => Key;
}
