namespace ChatBot.Core.Alerts;

/// <summary>Whether a user's pending alert papers may be sent now; for a daily-digest user, also the local date whose digest this is.</summary>
public readonly record struct AlertDue(bool IsDue, DateOnly? DigestDay)
{
    public static readonly AlertDue AtOnce = new(true, null);
}
