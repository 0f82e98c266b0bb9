namespace ChatBot.Slack.Rendering;

/// <summary>Block Kit limits (docs.slack.dev, "Block Kit" reference); Slack rejects a message past any of them.</summary>
internal static class BlockKitLimits
{
    public const int Blocks = 50;
    public const int HeaderText = 150;
    public const int SectionText = 3000;
    public const int ContextElements = 10;
    public const int ContextText = 3000;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ActionId = 255;

    /// <summary>Notification text we send; Slack truncates past 40,000, we stay far below.</summary>
    public const int FallbackText = 3000;
}
