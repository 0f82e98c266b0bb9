namespace ChatBot.Slack.Rendering;

/// <summary>A <c>context</c> block: small grey text elements.</summary>
internal sealed record ContextBlock(IReadOnlyList<SlackText> Elements) : SlackBlock;
