namespace ChatBot.Core.Alerts;

/// <summary>Where one (user, paper) delivery stands.</summary>
public enum DeliveryState
{
    /// <summary>Recorded, not yet sent (or sending failed and will be retried).</summary>
    Pending,

    Sent,

    /// <summary>Given up: the user cannot be messaged; their alerts were paused.</summary>
    Abandoned,

    /// <summary>Not sent: the user removed their alerts before it went out.</summary>
    Dropped,
}
