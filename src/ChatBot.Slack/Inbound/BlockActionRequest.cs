using System.Text.Json;
using ChatBot.Core.Json;

namespace ChatBot.Slack.Inbound;

/// <summary>A <c>block_actions</c> payload (a button click), trimmed to what the bot reads; SlackNet's <c>BlockActionRequest</c>.</summary>
internal sealed record BlockActionRequest(string UserId, string? UserName, string? TeamId, string? ChannelId, Uri? ResponseUrl, IReadOnlyList<BlockAction> Actions)
{
    public const string PayloadType = "block_actions";

    public static BlockActionRequest Parse(JsonElement payload)
    {
        var user = JsonFields.OptionalProperty(payload, "user");
        var actions = JsonFields.OptionalArray(payload, "actions") is { } array
            ? array.EnumerateArray().Select(a => new BlockAction(JsonFields.OptionalString(a, "action_id") ?? "", JsonFields.OptionalString(a, "value"))).ToList()
            : [];
        return new BlockActionRequest(
            JsonFields.OptionalString(user, "id") ?? "",
            JsonFields.OptionalString(user, "username") ?? JsonFields.OptionalString(user, "name"),
            JsonFields.OptionalString(user, "team_id") ?? JsonFields.OptionalString(JsonFields.OptionalProperty(payload, "team"), "id"),
            JsonFields.OptionalString(JsonFields.OptionalProperty(payload, "channel"), "id") ?? JsonFields.OptionalString(JsonFields.OptionalProperty(payload, "container"), "channel_id"),
            Uri.TryCreate(JsonFields.OptionalString(payload, "response_url"), UriKind.Absolute, out var url) ? url : null,
            actions);
    }
}
