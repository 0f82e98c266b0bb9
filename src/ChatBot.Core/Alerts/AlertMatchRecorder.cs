using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Alerts;

/// <summary>
/// The matching half of alert delivery: papers past the <see cref="AlertCursor"/> are matched, a batch at a
/// time, against every active alert, and each (user, paper) is recorded as a pending <see cref="Delivery"/>
/// (once, however many of the user's alerts match it). The cursor moves only after its batch is recorded,
/// so a crash re-matches a batch rather than losing it, and the log's once-per-pair rule keeps that harmless.
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
            var recorded = await deliveries.RecordNewAsync(PerUser(matches, active), cancellationToken);
            after = batch[^1].Sequence;
            await cursor.MoveAsync(after, cancellationToken);
            Log.AlertBatchMatched(logger, batch.Count, queries.Count, recorded.Count);
        }
    }

    /// <summary>One delivery per (user, paper), naming every alert of that user that matched the paper.</summary>
    private static List<Delivery> PerUser(IReadOnlyList<AlertMatch> matches, IReadOnlyList<Alert> active)
    {
        var byId = active.ToDictionary(a => a.Id, StringComparer.Ordinal);
        return [.. matches
            .Where(m => byId.ContainsKey(m.AlertId))
            .GroupBy(m => (byId[m.AlertId].Platform, byId[m.AlertId].UserId, m.PaperId))
            .Select(g => new Delivery
            {
                Platform = g.Key.Platform,
                UserId = g.Key.UserId,
                PaperId = g.Key.PaperId,
                AlertIds = [.. g.Select(m => m.AlertId).Distinct().Order(StringComparer.Ordinal)],
            })];
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
