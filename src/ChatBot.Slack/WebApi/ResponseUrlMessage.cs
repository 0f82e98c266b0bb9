using ChatBot.Slack.Rendering;

namespace ChatBot.Slack.WebApi;

/// <summary>
/// A message for a slash command's inline answer, a Socket Mode ack payload, or a <c>response_url</c> post
/// (SlackNet's <c>SlashCommandResponse</c> / <c>MessageUpdateResponse</c>). <see cref="ResponseType"/> is
/// <c>in_channel</c> or <c>ephemeral</c>; <see cref="ReplaceOriginal"/> only applies to <c>response_url</c>.
/// </summary>
internal sealed record ResponseUrlMessage(string ResponseType, string Text, IReadOnlyList<SlackBlock> Blocks, bool? ReplaceOriginal = null)
{
    public const string InChannel = "in_channel";
    public const string EphemeralType = "ephemeral";

    public static ResponseUrlMessage From(SlackMessage message, bool? replaceOriginal = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Ephemeral ? EphemeralType : InChannel, message.Text, message.Blocks, replaceOriginal);
    }
}
