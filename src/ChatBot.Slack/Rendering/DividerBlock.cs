namespace ChatBot.Slack.Rendering;

/// <summary>A <c>divider</c> block: a horizontal rule.</summary>
internal sealed record DividerBlock : SlackBlock;
