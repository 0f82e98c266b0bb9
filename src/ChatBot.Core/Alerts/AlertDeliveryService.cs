using System.Globalization;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Digest;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using ChatBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Alerts;

/// <summary>
/// Sends each user the new papers their alerts match, once. Papers past the cursor (ingest
/// sequence) are matched against every active alert; each (user, paper) is recorded before any
/// message is tried, and the cursor moves only after the batch is recorded. Then every pending
/// delivery is sent, one direct message per user, and marked sent. A user who cannot be messaged
/// is retried with backoff and, after <see cref="AlertOptions.MaxAttempts"/>, has their alerts paused
/// with the reason. Users who chose a daily digest get their pending papers in one message once a
/// day, when their local digest time has passed. On the first run the cursor starts at the newest
/// paper: alerts are for news.
/// The one gap: a message the platform accepted just before a crash, before it was marked sent, is
/// sent again.
/// </summary>
public sealed class AlertDeliveryService(
    IPaperStore papers,
    IAlertStore alerts,
    IDeliveryLog deliveries,
    IStateStore state,
    IAlertMatcher matcher,
    ChatPlatforms platforms,
    ChatBotMetrics metrics,
    TimeProvider clock,
    IOptions<AlertOptions> options,
    ILogger<AlertDeliveryService> logger)
{
    public const string CursorKey = "alerts:cursor";
    public const int BatchSize = 1000;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(6);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await MatchNewPapersAsync(cancellationToken);
        await SendPendingAsync(cancellationToken);
    }

    private async Task MatchNewPapersAsync(CancellationToken cancellationToken)
    {
        var cursor = await ReadCursorAsync(cancellationToken);
        while (true)
        {
            var batch = await papers.ReadAfterAsync(cursor, BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            var active = await alerts.ListActiveAsync(cancellationToken);
            var queries = Parse(active);
            var matches = queries.Count == 0
                ? []
                : await matcher.MatchAsync([.. batch.Where(p => !p.Withdrawn)], queries, clock.GetUtcNow(), cancellationToken);
            var byId = active.ToDictionary(a => a.Id, StringComparer.Ordinal);
            var chosen = matches
                .Where(m => byId.ContainsKey(m.AlertId))
                .GroupBy(m => (byId[m.AlertId].Platform, byId[m.AlertId].UserId, m.PaperId))
                .Select(g => new Delivery
                {
                    Platform = g.Key.Platform,
                    UserId = g.Key.UserId,
                    PaperId = g.Key.PaperId,
                    AlertIds = [.. g.Select(m => m.AlertId).Distinct().Order(StringComparer.Ordinal)],
                })
                .ToList();
            var recorded = await deliveries.RecordNewAsync(chosen, cancellationToken);
            cursor = batch[^1].Sequence;
            await state.SetAsync(CursorKey, cursor.ToString(CultureInfo.InvariantCulture), cancellationToken);
            Log.AlertBatchMatched(logger, batch.Count, queries.Count, recorded.Count);
        }
    }

    private async Task<long> ReadCursorAsync(CancellationToken cancellationToken)
    {
        if (await state.GetAsync(CursorKey, cancellationToken) is { } text
            && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cursor))
        {
            return cursor;
        }

        var start = (await papers.GetStatsAsync(cancellationToken)).LastSequence;
        await state.SetAsync(CursorKey, start.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return start;
    }

    private List<AlertQuery> Parse(IReadOnlyList<Alert> active)
    {
        var queries = new List<AlertQuery>(active.Count);
        foreach (var alert in active)
        {
            if (SearchQueryParser.TryParse(alert.Query, out var query, out var error))
            {
                queries.Add(new AlertQuery(alert.Id, query));
            }
            else
            {
                Log.AlertQueryUnreadable(logger, alert.Id, error?.ToString() ?? "");
            }
        }

        return queries;
    }

    private async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pending = await deliveries.PendingAsync(cancellationToken);
        var settled = 0;
        foreach (var user in pending.Where(d => d.RetryAt is null || d.RetryAt <= now).GroupBy(d => (d.Platform, d.UserId)))
        {
            var (platform, userId) = user.Key;
            var digestDay = await DigestDayDueAsync(platform, userId, now, cancellationToken);
            if (digestDay is { Due: false })
            {
                continue;
            }

            List<Delivery> batch = [.. user];
            var result = await SendToUserAsync(platform, userId, batch, now, cancellationToken);
            settled += result == DeliveryState.Pending ? 0 : batch.Count;
            if (result == DeliveryState.Sent && digestDay is { } day)
            {
                await state.SetAsync(AlertDigest.SentKey(platform, userId), day.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CancellationToken.None);
            }
        }

        // Counted from what this tick read and did, rather than by reading the log again.
        metrics.AlertDeliveriesPending(pending.Count - settled);
    }

    // For a daily-digest user: today's local date and whether its digest may go now (the time passed, not sent yet). Null for instant users.
    private async Task<(DateOnly LocalDate, bool Due)?> DigestDayDueAsync(string platform, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var digest = AlertDigest.FromStored(await state.GetAsync(AlertDigest.Key(platform, userId), cancellationToken));
        if (!digest.Daily)
        {
            return null;
        }

        var zone = DailyScheduleClock.FindTimeZone(digest.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var sentOn = await state.GetAsync(AlertDigest.SentKey(platform, userId), cancellationToken);
        var due = DailyScheduleClock.DueAt(digest.LocalTime, today, zone) <= now
            && !string.Equals(sentOn, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return (today, due);
    }

    /// <summary>Sends one user their pending papers; returns where those deliveries now stand.</summary>
    private async Task<DeliveryState> SendToUserAsync(string platformName, string userId, List<Delivery> pending, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (platforms.Find(platformName) is not { } platform)
        {
            Log.AlertPlatformMissing(logger, platformName, pending.Count);
            return DeliveryState.Pending;
        }

        var found = await papers.FindManyAsync([.. pending.Select(d => d.PaperId)], cancellationToken);
        var userAlerts = (await alerts.ListForUserAsync(platformName, userId, cancellationToken)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        try
        {
            await platform.SendDirectMessageAsync(userId, Message(found, pending, userAlerts), cancellationToken);
        }
        catch (ChatPlatformException e)
        {
            metrics.AlertMessageFailed(platformName);
            return await RecordFailureAsync(platformName, userId, pending, userAlerts, e, now, cancellationToken);
        }

        // Recorded even when stopping: what was sent must not be sent again on the next start.
        await deliveries.SaveAsync([.. pending.Select(d => d with { State = DeliveryState.Sent, Attempts = d.Attempts + 1, RetryAt = null })], CancellationToken.None);
        foreach (var (alertId, count) in pending.SelectMany(d => d.AlertIds).GroupBy(id => id).Select(g => (g.Key, g.Count())))
        {
            if (userAlerts.TryGetValue(alertId, out var alert))
            {
                await alerts.SaveAsync(alert with { Matches = alert.Matches + count }, CancellationToken.None);
            }
        }

        metrics.AlertMessageSent(platformName);
        Log.AlertMessageSent(logger, platformName, pending.Count);
        return DeliveryState.Sent;
    }

    private async Task<DeliveryState> RecordFailureAsync(
        string platformName, string userId, List<Delivery> pending, Dictionary<string, Alert> userAlerts,
        ChatPlatformException error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var attempts = pending.Max(d => d.Attempts) + 1;
        var giveUp = error.IsPermanent && attempts >= options.Value.MaxAttempts;
        var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, options.Value.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
        await deliveries.SaveAsync([.. pending.Select(d => d with
        {
            Attempts = attempts,
            State = giveUp ? DeliveryState.Abandoned : DeliveryState.Pending,
            RetryAt = giveUp ? null : now + delay,
            LastError = $"{error.Code}: {error.Message}",
        })], cancellationToken);
        Log.AlertMessageFailed(logger, platformName, error.Code, error.Message, attempts, giveUp);
        if (giveUp)
        {
            var reason = error.IsUndeliverableToUser
                ? $"the bot cannot send you direct messages ({platformName} {error.Code}); allow DMs from the bot, then /alerts resume all"
                : $"messages to you failed {attempts} times ({platformName} {error.Code}: {error.Message})";
            foreach (var alert in userAlerts.Values.Where(a => !a.IsPaused))
            {
                await alerts.SaveAsync(alert with { PausedReason = reason }, cancellationToken);
            }
        }

        return giveUp ? DeliveryState.Abandoned : DeliveryState.Pending;
    }

    private Reply Message(IReadOnlyList<Paper> found, List<Delivery> pending, Dictionary<string, Alert> userAlerts)
    {
        var shown = found.Take(options.Value.PapersPerMessage).ToList();
        var alertOf = pending.ToDictionary(d => d.PaperId, d => d.AlertIds);
        var cards = shown.Select((paper, i) => new PaperCard(paper, CardDetail.Brief, Matched(alertOf.GetValueOrDefault(paper.Id) ?? [], userAlerts)) { Rank = i + 1 }).ToList();
        var more = found.Count - shown.Count;
        return new Reply
        {
            Title = found.Count == 1 ? "1 new paper for your alerts" : string.Create(CultureInfo.InvariantCulture, $"{found.Count} new papers for your alerts"),
            Papers = cards,
            Footer = more > 0
                ? string.Create(CultureInfo.InvariantCulture, $"\u2026and {more} more: /papers search {userAlerts.Values.First().Query} sort:new")
                : "Manage them with /alerts list.",
            Visibility = ReplyVisibility.Private,
            Notification = AlertDigest.Notification(found.Count, pending.SelectMany(d => d.AlertIds).Select(id => userAlerts.GetValueOrDefault(id)?.Query)),
        };
    }

    private static string Matched(IReadOnlyList<string> alertIds, Dictionary<string, Alert> userAlerts) =>
        "Matched " + string.Join(", ", alertIds.Select(id => userAlerts.TryGetValue(id, out var a) ? $"alert {id} \u201c{a.Query}\u201d" : $"alert {id}"));
}
