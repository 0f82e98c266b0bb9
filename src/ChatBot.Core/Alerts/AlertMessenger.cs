using ChatBot.Core.Chat;
using ChatBot.Core.Storage;
using ChatBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Alerts;

/// <summary>
/// Sends one user their pending papers in one direct message and records where those deliveries now stand:
/// sent (and counted on the alerts that matched), left for a retry or given up by the <see cref="AlertFailurePolicy"/>,
/// or dropped when the user has no alerts left. The one gap: a message the platform accepted just before a crash,
/// before it was marked sent, is sent again.
/// </summary>
public sealed class AlertMessenger(
    IAlertStore alerts,
    IDeliveryLog deliveries,
    IPaperStore papers,
    ChatPlatforms platforms,
    AlertMessageComposer composer,
    AlertFailurePolicy failures,
    ChatBotMetrics metrics,
    ILogger<AlertMessenger> logger)
{
    public async Task<DeliveryState> SendAsync(string platformName, string userId, IReadOnlyList<Delivery> pending, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var userAlerts = (await alerts.ListForUserAsync(platformName, userId, cancellationToken)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        if (userAlerts.Count == 0)
        {
            // They removed every alert: nothing more is sent to them (and nothing is left to name in the message).
            var dropped = await deliveries.DropPendingAsync(platformName, userId, "the user removed their last alert", cancellationToken);
            Log.AlertDeliveriesDropped(logger, platformName, dropped);
            return DeliveryState.Dropped;
        }

        if (platforms.Find(platformName) is not { } platform)
        {
            Log.AlertPlatformMissing(logger, platformName, pending.Count);
            return DeliveryState.Pending;
        }

        var found = await papers.FindManyAsync([.. pending.Select(d => d.PaperId)], cancellationToken);
        try
        {
            await platform.SendDirectMessageAsync(userId, composer.Compose(found, pending, userAlerts), cancellationToken);
        }
        catch (ChatPlatformException e)
        {
            metrics.AlertMessageFailed(platformName);
            return await RecordFailureAsync(platformName, pending, userAlerts.Keys, e, now, cancellationToken);
        }

        // Recorded even when stopping: what was sent must not be sent again on the next start.
        await deliveries.SaveAsync([.. pending.Select(d => d with { State = DeliveryState.Sent, Attempts = d.Attempts + 1, RetryAt = null })], CancellationToken.None);
        // Counted on the alerts as stored now, in one transaction: one removed meanwhile stays removed.
        var matches = pending.SelectMany(d => d.AlertIds).GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        await alerts.UpdateAsync(matches.Keys, a => a with { Matches = a.Matches + matches[a.Id] }, CancellationToken.None);

        metrics.AlertMessageSent(platformName);
        Log.AlertMessageSent(logger, platformName, pending.Count);
        return DeliveryState.Sent;
    }

    private async Task<DeliveryState> RecordFailureAsync(
        string platformName, IReadOnlyList<Delivery> pending, IReadOnlyCollection<string> userAlertIds, ChatPlatformException error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failure = failures.Decide(platformName, pending, error, now);
        await deliveries.SaveAsync([.. pending.Select(failure.ApplyTo)], cancellationToken);
        Log.AlertMessageFailed(logger, platformName, error.Code, error.Message, failure.Attempts, failure.GivenUp);
        if (failure.PauseReason is not { } reason)
        {
            return DeliveryState.Pending;
        }

        await alerts.UpdateAsync(userAlertIds, a => a.IsPaused ? a : a with { PausedReason = reason }, cancellationToken);
        return DeliveryState.Abandoned;
    }
}
