using System.Collections.Concurrent;
using System.Globalization;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.DailyThreads;
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
/// paper: alerts are for news. Each user is delivered on their own: one user's failure (or a digest
/// time zone this machine no longer knows, which falls back to UTC) is logged and counted, and the
/// others still get their messages. Papers waiting for a user who removed every alert are dropped.
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
    private readonly ConcurrentDictionary<string, byte> _unknownZonesReported = new(StringComparer.Ordinal);

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
            try
            {
                settled += await DeliverToUserAsync(platform, userId, [.. user], now, cancellationToken);
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
        metrics.AlertDeliveriesPending(pending.Count - settled);
    }

    /// <summary>Sends one user's due papers (a daily-digest user only at their time); returns how many are settled.</summary>
    private async Task<int> DeliverToUserAsync(string platform, string userId, List<Delivery> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var digestDay = await DigestDayDueAsync(platform, userId, now, cancellationToken);
        if (digestDay is { Due: false })
        {
            return 0;
        }

        var result = await SendToUserAsync(platform, userId, batch, now, cancellationToken);
        if (result == DeliveryState.Sent && digestDay is { } day)
        {
            await state.SetAsync(AlertDigest.SentKey(platform, userId), day.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CancellationToken.None);
        }

        return result == DeliveryState.Pending ? 0 : batch.Count;
    }

    // For a daily-digest user: today's local date and whether its digest may go now (the time passed, not sent yet). Null for instant users.
    private async Task<(DateOnly LocalDate, bool Due)?> DigestDayDueAsync(string platform, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var digest = AlertDigest.FromStored(await state.GetAsync(AlertDigest.Key(platform, userId), cancellationToken));
        if (!digest.Daily)
        {
            return null;
        }

        var zone = DigestZone(platform, userId, digest.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var sentOn = await state.GetAsync(AlertDigest.SentKey(platform, userId), cancellationToken);
        var due = DailyThreadScheduleClock.DueAt(digest.LocalTime, today, zone) <= now
            && !string.Equals(sentOn, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return (today, due);
    }

    // A zone stored when it was valid may be unknown later (another machine, older time zone data): UTC then, said once per user.
    private TimeZoneInfo DigestZone(string platform, string userId, string timeZoneId)
    {
        try
        {
            return DailyThreadScheduleClock.FindTimeZone(timeZoneId);
        }
        catch (ChatBotException)
        {
            if (_unknownZonesReported.TryAdd($"{platform}:{userId}|{timeZoneId}", 0))
            {
                Log.AlertDigestZoneUnknown(logger, platform, timeZoneId);
            }

            return TimeZoneInfo.Utc;
        }
    }

    /// <summary>Sends one user their pending papers; returns where those deliveries now stand.</summary>
    private async Task<DeliveryState> SendToUserAsync(string platformName, string userId, List<Delivery> pending, DateTimeOffset now, CancellationToken cancellationToken)
    {
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
            await platform.SendDirectMessageAsync(userId, Message(found, pending, userAlerts), cancellationToken);
        }
        catch (ChatPlatformException e)
        {
            metrics.AlertMessageFailed(platformName);
            return await RecordFailureAsync(platformName, userId, pending, userAlerts, e, now, cancellationToken);
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
            await alerts.UpdateAsync(userAlerts.Keys, a => a.IsPaused ? a : a with { PausedReason = reason }, cancellationToken);
        }

        return giveUp ? DeliveryState.Abandoned : DeliveryState.Pending;
    }

    private Reply Message(IReadOnlyList<Paper> found, List<Delivery> pending, Dictionary<string, Alert> userAlerts)
    {
        var shown = found.Take(options.Value.PapersPerMessage).ToList();
        var alertOf = pending.ToDictionary(d => d.PaperId, d => d.AlertIds);
        var cards = shown.Select((paper, i) => new PaperCard(paper, CardDetail.Brief, Matched(alertOf.GetValueOrDefault(paper.Id) ?? [], userAlerts)) { Rank = i + 1 }).ToList();
        var more = found.Count - shown.Count;
        // The search for the rest: the query of the user's alert that matched most of these papers.
        var mostMatched = pending.SelectMany(d => d.AlertIds)
            .Where(userAlerts.ContainsKey)
            .GroupBy(id => id, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Select(g => userAlerts[g.Key].Query)
            .FirstOrDefault();
        return new Reply
        {
            Title = found.Count == 1 ? "1 new paper for your alerts" : string.Create(CultureInfo.InvariantCulture, $"{found.Count} new papers for your alerts"),
            Papers = cards,
            Footer = (more, mostMatched) switch
            {
                (> 0, { } query) => string.Create(CultureInfo.InvariantCulture, $"\u2026and {more} more: /papers search {query} sort:new"),
                (> 0, null) => string.Create(CultureInfo.InvariantCulture, $"\u2026and {more} more; /alerts list shows your alerts."),
                _ => "Manage them with /alerts list.",
            },
            Visibility = ReplyVisibility.Private,
            Notification = AlertDigest.Notification(found.Count, pending.SelectMany(d => d.AlertIds).Select(id => userAlerts.GetValueOrDefault(id)?.Query)),
        };
    }

    private static string Matched(IReadOnlyList<string> alertIds, Dictionary<string, Alert> userAlerts) =>
        "Matched " + string.Join(", ", alertIds.Select(id => userAlerts.TryGetValue(id, out var a) ? $"alert {id} \u201c{a.Query}\u201d" : $"alert {id}"));
}
