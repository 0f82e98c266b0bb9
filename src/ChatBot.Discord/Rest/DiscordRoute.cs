namespace ChatBot.Discord.Rest;

/// <summary>
/// One REST call: its method, its path template (<c>/channels/{channel_id}/messages</c>, what rate
/// limit buckets are mapped from and what logs and errors show), the real path and the major parameter
/// (channel, guild, webhook or interaction) that splits a bucket. The real path of an interaction or
/// webhook call holds a token: <see cref="ToString"/> shows only the template.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter, bool IsInteraction = false)
{
    /// <summary><c>POST /channels/{channel_id}/messages</c></summary>
    public string Key => $"{Method.Method} {Template}";

    /// <summary>Interaction callbacks and webhooks authenticate with their token in the path, not with the bot token.</summary>
    public bool SendsBotToken => !IsInteraction;

    /// <summary>Interaction endpoints are exempt from the 50 requests per second global limit.</summary>
    public bool CountsTowardGlobalLimit => !IsInteraction;

    public override string ToString() => Key;
}
