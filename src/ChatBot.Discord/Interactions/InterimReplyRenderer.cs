using ChatBot.Core.Commands;
using ChatBot.Discord.Rest;

namespace ChatBot.Discord.Interactions;

/// <summary>
/// Plain-text rendering used only until the discord-rest branch's <c>DiscordReplyRenderer</c> is
/// merged; then this file goes away.
/// </summary>
internal static class InterimReplyRenderer
{
    public static MessagePayload Render(Reply reply)
    {
        var lines = new List<string>();
        if (reply.Title is not null)
        {
            lines.Add(reply.Title);
        }

        lines.AddRange(reply.Text);
        lines.AddRange(reply.Papers.Select(p => p.Paper.Title));
        if (reply.Footer is not null)
        {
            lines.Add(reply.Footer);
        }

        return new MessagePayload
        {
            Content = string.Join('\n', lines),
            Flags = reply.Visibility == ReplyVisibility.Private ? MessagePayload.EphemeralFlag : 0,
        };
    }
}
