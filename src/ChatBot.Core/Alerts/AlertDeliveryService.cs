namespace ChatBot.Core.Alerts;

/// <summary>
/// Sends each user the new papers their alerts match, once: what the alert worker calls each tick. It first
/// records new matches (<see cref="AlertMatchRecorder"/>: papers past the cursor against every active alert),
/// then sends what is due (<see cref="AlertSender"/>: per user, instant or daily digest, retried with backoff,
/// paused after <see cref="AlertOptions.MaxAttempts"/>). Every (user, paper) is recorded before any message is tried.
/// </summary>
public sealed class AlertDeliveryService(AlertMatchRecorder matching, AlertSender sending)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await matching.RecordNewMatchesAsync(cancellationToken);
        await sending.SendDueAsync(cancellationToken);
    }
}
