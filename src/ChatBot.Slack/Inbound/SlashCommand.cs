using System.Text.Json;
using ChatBot.Core.Json;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// A slash command as Slack sends it, over HTTP (a form) or Socket Mode (a JSON payload with the same
/// fields); the shape of SlackNet's <c>SlashCommand</c>.
/// </summary>
internal sealed record SlashCommand
{
    public required string Command { get; init; }

    public string Text { get; init; } = "";

    public required string UserId { get; init; }

    public string? UserName { get; init; }

    public string? ChannelId { get; init; }

    public string? TeamId { get; init; }

    public Uri? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }

    public static SlashCommand FromFields(Func<string, string?> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new SlashCommand
        {
            Command = field("command") ?? "",
            Text = field("text") ?? "",
            UserId = field("user_id") ?? "",
            UserName = field("user_name"),
            ChannelId = field("channel_id"),
            TeamId = field("team_id"),
            ResponseUrl = Uri.TryCreate(field("response_url"), UriKind.Absolute, out var url) ? url : null,
            TriggerId = field("trigger_id"),
        };
    }

    public static SlashCommand FromJson(JsonElement payload) => FromFields(name => JsonFields.OptionalString(payload, name));
}
