using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Alerts;

/// <summary>
/// The matching half of alert delivery: papers past the <see cref="AlertCursor"/> are matched, a batch at a
/// time, against every active alert, and each (user, paper) is recorded as a pending <see cref="Delivery"/>
/// (once, however many of the user's alerts match it). The cursor moves only after its batch is recorded,
/// so a crash re-matches a batch rather than losing it (also when it falls between two of a batch's delivery-log
/// writes), and the log's once-per-pair rule keeps that harmless.
/// </summary>
public sealed class AlertMatchRecorder(
    IPaperStore papers,
    IAlertStore alerts,
    IDeliveryLog deliveries,
    AlertCursor cursor,
    IAlertMatcher matcher,
    TimeProvider clock,
    ILogger<AlertMatchRecorder> logger)
{
    public const int BatchSize = 1000;

    // Deliveries per delivery-log write: a batch of common words makes millions, never all held at once.
    private const int RecordChunk = 10_000;

    public async Task RecordNewMatchesAsync(CancellationToken cancellationToken)
    {
        var after = await cursor.ReadAsync(cancellationToken);
        while (true)
        {
            var batch = await papers.ReadAfterAsync(after, BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            var active = await alerts.ListActiveAsync(cancellationToken);
            var queries = Parse(active);
            var matches = queries.Count == 0
                ? []
                : await matcher.MatchAsync([.. batch.Where(p => !p.Withdrawn)], queries, clock.GetUtcNow(), cancellationToken);
            var recorded = 0;
            foreach (var chunk in PerUser(matches, active).Chunk(RecordChunk))
            {
                recorded += (await deliveries.RecordNewAsync(chunk, cancellationToken)).Count;
            }

            after = batch[^1].Sequence;
            await cursor.MoveAsync(after, cancellationToken);
            Log.AlertBatchMatched(logger, batch.Count, queries.Count, recorded);
        }
    }

    /// <summary>
    /// One delivery per (user, paper), naming every alert of that user that matched the paper, in the order the
    /// matches came for each user. Made as they are written: a user with one alert gets one delivery per match
    /// without grouping (most users; a batch of common words makes millions of matches), and only the matches of
    /// users with several alerts are grouped, after.
    /// </summary>
    private static IEnumerable<Delivery> PerUser(IReadOnlyList<AlertMatch> matches, IReadOnlyList<Alert> active)
    {
        var byId = active.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var alertsPerUser = active.CountBy(a => (a.Platform, a.UserId)).ToDictionary();
        var grouped = new Dictionary<(string Platform, string UserId, PaperId PaperId), List<string>>();
        foreach (var match in matches)
        {
            if (!byId.TryGetValue(match.AlertId, out var alert))
            {
                continue;
            }

            if (alertsPerUser[(alert.Platform, alert.UserId)] == 1)
            {
                yield return new Delivery { Platform = alert.Platform, UserId = alert.UserId, PaperId = match.PaperId, AlertIds = [match.AlertId] };
                continue;
            }

            var key = (alert.Platform, alert.UserId, match.PaperId);
            if (!grouped.TryGetValue(key, out var alertIds))
            {
                grouped[key] = alertIds = [];
            }

            alertIds.Add(match.AlertId);
        }

        foreach (var ((platform, userId, paperId), alertIds) in grouped)
        {
            yield return new Delivery
            {
                Platform = platform,
                UserId = userId,
                PaperId = paperId,
                AlertIds = [.. alertIds.Distinct().Order(StringComparer.Ordinal)],
            };
        }
    }

    // A query stored when it parsed may not parse under a later grammar: that alert is skipped, said each batch.
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
}
