using ChatBot.Core.Storage;
using ChatBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Alerts;

/// <summary>
/// The sending half of alert delivery: every user with pending papers whose retry time has come, and whose
/// settings make them due (<see cref="AlertDueCheck"/>), gets one message through the <see cref="AlertMessenger"/>;
/// a daily digest sent is recorded in the user's settings so the day's goes once. Each user is delivered on
/// their own: one user's failure is logged and counted, tried again next tick, and the others still get theirs.
/// </summary>
public sealed class AlertSender(
    IDeliveryLog deliveries,
    IAlertStore alerts,
    AlertDueCheck dueCheck,
    AlertMessenger messenger,
    ChatBotMetrics metrics,
    TimeProvider clock,
    ILogger<AlertSender> logger)
{
    public async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pending = 0;
        var settled = 0;
        await foreach (var user in deliveries.PendingByUserAsync(cancellationToken))
        {
            pending += user.Count;
            IReadOnlyList<Delivery> due = [.. user.Where(d => d.RetryAt is null || d.RetryAt <= now)];
            if (due.Count == 0)
            {
                continue;
            }

            var (platform, userId) = (due[0].Platform, due[0].UserId);
            try
            {
                settled += await SendToUserAsync(platform, userId, due, now, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // One user's failure is logged and tried again next tick; it must not stop the others' messages.
            catch (Exception e)
#pragma warning restore CA1031
            {
                metrics.AlertMessageFailed(platform);
                Log.AlertUserFailed(logger, platform, e);
            }
        }

        // Counted from what this tick read and did, rather than by reading the log again.
        metrics.AlertDeliveriesPending(pending - settled);
    }

    /// <summary>Sends one user's papers if they are due; returns how many deliveries are settled.</summary>
    private async Task<int> SendToUserAsync(string platform, string userId, IReadOnlyList<Delivery> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = dueCheck.Check(await alerts.GetSettingsAsync(platform, userId, cancellationToken), now);
        if (!due.IsDue)
        {
            return 0;
        }

        var result = await messenger.SendAsync(platform, userId, batch, now, cancellationToken);
        if (result == DeliveryState.Sent && due.DigestDay is { } day)
        {
            // Recorded even when stopping, like the deliveries it settled: the day's digest went.
            await alerts.UpdateSettingsAsync(platform, userId, s => s with { DigestSentOn = day }, CancellationToken.None);
        }

        return result == DeliveryState.Pending ? 0 : batch.Count;
    }
}
