namespace ChatBot.Slack.Rendering;

/// <summary>An <c>actions</c> block: at most <see cref="BlockKitLimits.ActionsElements"/> buttons.</summary>
internal sealed record ActionsBlock(IReadOnlyList<SlackButton> Elements) : SlackBlock;
