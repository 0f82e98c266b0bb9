namespace ChatBot.Slack.Rendering;

/// <summary>
/// A rendered reply: Block Kit <see cref="Blocks"/> and the escaped <see cref="Text"/> fallback shown in
/// notifications. <see cref="Ephemeral"/> replies are shown only to the person who asked.
/// </summary>
internal sealed record SlackMessage(string Text, IReadOnlyList<SlackBlock> Blocks, bool Ephemeral = false);
