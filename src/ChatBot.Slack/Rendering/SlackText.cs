namespace ChatBot.Slack.Rendering;

/// <summary>A text object: <c>plain_text</c> or <c>mrkdwn</c>. Mrkdwn text must already be escaped.</summary>
internal sealed record SlackText(string Type, string Text)
{
    public static SlackText Plain(string text) => new("plain_text", text);

    public static SlackText Markdown(string text) => new("mrkdwn", text);
}
