namespace ChatBot.Slack.Rendering;

/// <summary>A <c>header</c> block: plain text, at most <see cref="BlockKitLimits.HeaderText"/> characters.</summary>
internal sealed record HeaderBlock(SlackText Text) : SlackBlock;
