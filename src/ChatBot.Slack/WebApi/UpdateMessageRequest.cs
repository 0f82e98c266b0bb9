using ChatBot.Slack.Rendering;

namespace ChatBot.Slack.WebApi;

/// <summary><c>chat.update</c> arguments: the message <see cref="Ts"/> in <see cref="Channel"/> gets new text and blocks.</summary>
internal sealed record UpdateMessageRequest(string Channel, string Ts, string Text, IReadOnlyList<SlackBlock> Blocks);
