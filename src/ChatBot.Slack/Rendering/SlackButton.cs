namespace ChatBot.Slack.Rendering;

/// <summary>
/// A button element (SlackNet's <c>Button</c>): <see cref="Value"/> is the command the click runs,
/// <see cref="ActionId"/> is unique in the message.
/// </summary>
internal sealed record SlackButton(SlackText Text, string ActionId, string Value)
{
    public string Type { get; init; } = "button";
}
