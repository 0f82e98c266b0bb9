using ChatBot.Slack.Rendering;

namespace ChatBot.Slack.WebApi;

/// <summary>
/// <c>chat.postMessage</c> arguments (SlackNet's <c>Message</c>). Link and media previews are off:
/// a list of ten papers would otherwise unfurl ten cards.
/// </summary>
internal sealed record PostMessageRequest(string Channel, string Text, IReadOnlyList<SlackBlock> Blocks, string? ThreadTs = null)
{
    public bool UnfurlLinks { get; init; }

    public bool UnfurlMedia { get; init; }
}
