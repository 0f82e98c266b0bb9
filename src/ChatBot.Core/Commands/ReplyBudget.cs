namespace ChatBot.Core.Commands;

/// <summary>
/// How long a platform waits for the first answer to a command: <see cref="Limit"/> from <see cref="ReceivedAt"/>,
/// a <see cref="TimeProvider.GetTimestamp"/> taken when the payload arrived, not when its turn came, so time spent
/// queueing counts against the budget. A zero limit (or one already spent) defers at once.
/// </summary>
public readonly record struct ReplyBudget(long ReceivedAt, TimeSpan Limit)
{
    /// <summary>What is left of the budget now; zero or less when it is spent.</summary>
    public TimeSpan Remaining(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Limit - timeProvider.GetElapsedTime(ReceivedAt);
    }
}
