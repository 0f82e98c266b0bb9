using System.Text.Json;

namespace ChatBot.Slack.Inbound;

/// <summary>A <c>block_actions</c> payload (a button click), trimmed to what the bot reads; SlackNet's <c>BlockActionRequest</c>.</summary>
internal sealed record BlockActionRequest(string UserId, string? UserName, string? TeamId, string? ChannelId, Uri? ResponseUrl, IReadOnlyList<BlockAction> Actions)
{
    public const string PayloadType = "block_actions";

    public static BlockActionRequest Parse(JsonElement payload)
    {
        var user = Property(payload, "user");
        var actions = Property(payload, "actions") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(a => new BlockAction(String(a, "action_id") ?? "", String(a, "value"))).ToList()
            : [];
        return new BlockActionRequest(
            String(user, "id") ?? "",
            String(user, "username") ?? String(user, "name"),
            String(user, "team_id") ?? String(Property(payload, "team"), "id"),
            String(Property(payload, "channel"), "id") ?? String(Property(payload, "container"), "channel_id"),
            Uri.TryCreate(String(payload, "response_url"), UriKind.Absolute, out var url) ? url : null,
            actions);
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
