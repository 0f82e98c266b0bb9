namespace ChatBot.Slack.Rendering;

/// <summary>A <c>section</c> block: mrkdwn text, at most <see cref="BlockKitLimits.SectionText"/> characters.</summary>
internal sealed record SectionBlock(SlackText Text) : SlackBlock;
