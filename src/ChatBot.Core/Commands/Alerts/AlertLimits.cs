namespace ChatBot.Core.Commands.Alerts;

/// <summary>How much one user may ask of the alert matcher.</summary>
public static class AlertLimits
{
    public const int MaxAlertsPerUser = 25;

    public const int MaxQueryLength = 200;

    /// <summary>How far back the preview of a new alert looks.</summary>
    public static readonly TimeSpan PreviewWindow = TimeSpan.FromDays(7);
}
