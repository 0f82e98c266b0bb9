namespace ChatBot.Core.Alerts;

/// <summary>
/// What a failed alert message means for the deliveries it carried: tried again at <see cref="RetryAt"/>, or
/// given up with the user's alerts paused for <see cref="PauseReason"/>.
/// </summary>
public sealed record AlertFailure
{
    /// <summary>Attempts so far, this one included.</summary>
    public required int Attempts { get; init; }

    /// <summary>When to try again; null when given up.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>Why the user's alerts are paused, in words for them; null while retrying.</summary>
    public string? PauseReason { get; init; }

    public required string Error { get; init; }

    public bool GivenUp => PauseReason is not null;

    /// <summary>A delivery of the failed message as it now stands.</summary>
    public Delivery ApplyTo(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return delivery with
        {
            Attempts = Attempts,
            State = GivenUp ? DeliveryState.Abandoned : DeliveryState.Pending,
            RetryAt = RetryAt,
            LastError = Error,
        };
    }
}
