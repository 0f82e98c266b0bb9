using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Alerts;

/// <summary>
/// The matching half of alert delivery: papers past the <see cref="AlertCursor"/> are matched, a batch at a
/// time, against every active alert, and each (user, paper) is recorded as a pending <see cref="Delivery"/>
/// (once, however many of the user's alerts match it). A batch is recorded in one delivery-log transaction that also
/// moves the log's own "recorded through" sequence; matching resumes after the later of that and the cursor, so a
/// crash before the cursor moves neither loses a batch nor records it twice. The matches stream from the matcher
/// into the log, alerts ordered by owner so each user's come together: a batch's millions are never all held.
/// </summary>
public sealed class AlertMatchRecorder(
    IPaperStore papers,
    IAlertStore alerts,
    IDeliveryLog deliveries,
    AlertCursor cursor,
    IAlertMatcher matcher,
    TimeProvider clock,
    ILogger<AlertMatchRecorder> logger,
    LikeAlertMatcher? likes = null)
{
    public const int BatchSize = 1000;

    public async Task RecordNewMatchesAsync(CancellationToken cancellationToken)
    {
        var after = Math.Max(await cursor.ReadAsync(cancellationToken), await deliveries.RecordedThroughAsync(cancellationToken));
        while (true)
        {
            var batch = await papers.ReadAfterAsync(after, BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            var active = await alerts.ListActiveAsync(cancellationToken);
            var byId = active.ToDictionary(a => a.Id, StringComparer.Ordinal);
            List<Alert> ordered = [.. active
                .OrderBy(a => a.Platform, StringComparer.Ordinal)
                .ThenBy(a => a.UserId, StringComparer.Ordinal)
                .ThenBy(a => a.Id, StringComparer.Ordinal)];
            var queries = Parse(ordered.Where(a => a.Like is null));
            List<Paper> live = [.. batch.Where(p => !p.Withdrawn)];
            var byMeaning = await MatchByMeaningAsync(live, ordered, cancellationToken);
            var waiting = byMeaning.Ready < live.Count;
            if (waiting)
            {
                // Cut the batch before the first paper still waiting for its vector: it is matched, once, when it has one.
                var first = live[byMeaning.Ready].Sequence;
                batch = [.. batch.TakeWhile(p => p.Sequence < first)];
                live = [.. live.Take(byMeaning.Ready)];
                if (batch.Count == 0)
                {
                    return;
                }
            }

            var through = batch[^1].Sequence;
            var matches = queries.Count == 0 || live.Count == 0
                ? []
                : await matcher.MatchEachAsync(live, queries, clock.GetUtcNow(), cancellationToken);
            var recorded = await deliveries.RecordBatchAsync(
                new DeliveryBatch(after, through, [.. live.Select(p => new BatchPaper(p.Sequence, p.Id))], PerUser(InOwnerOrder(matches, byMeaning, ordered), byId)),
                cancellationToken);

            after = through;
            await cursor.MoveAsync(after, cancellationToken);
            Log.AlertBatchMatched(logger, batch.Count, queries.Count + byMeaning.ByAlert.Count, recorded);
            if (waiting)
            {
                return;
            }
        }
    }

    // The like: alerts' matches, and how far the batch may be matched now (all of it when there are none).
    private async Task<LikeMatches> MatchByMeaningAsync(List<Paper> live, List<Alert> ordered, CancellationToken cancellationToken)
    {
        List<Alert> likeAlerts = [.. ordered.Where(a => a.Like is not null)];
        if (likeAlerts.Count == 0 || likes is null)
        {
            return LikeMatches.None(live.Count);
        }

        return await likes.MatchAsync(live, likeAlerts, cancellationToken);
    }

    /// <summary>
    /// The keyword alerts' matches (streamed, in owner order) with the like: alerts' matches placed among them in the
    /// same order, so each user's alerts of both kinds come together and a paper matched by both is one delivery.
    /// </summary>
    private static IEnumerable<AlertMatches> InOwnerOrder(IEnumerable<AlertMatches> byWords, LikeMatches byMeaning, List<Alert> ordered)
    {
        if (byMeaning.ByAlert.Count == 0)
        {
            foreach (var match in byWords)
            {
                yield return match;
            }

            yield break;
        }

        var rank = new Dictionary<string, int>(ordered.Count, StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            rank[ordered[i].Id] = i;
        }

        List<AlertMatches> meaning = [.. byMeaning.ByAlert.Values.OrderBy(m => rank[m.AlertId])];
        var next = 0;
        foreach (var match in byWords)
        {
            while (next < meaning.Count && rank[meaning[next].AlertId] < rank.GetValueOrDefault(match.AlertId, int.MaxValue))
            {
                yield return meaning[next++];
            }

            yield return match;
        }

        while (next < meaning.Count)
        {
            yield return meaning[next++];
        }
    }

    /// <summary>
    /// Each user's matches, from the alerts' matches in owner order (the order the queries were given in): the
    /// consecutive alerts of one user make one <see cref="UserMatches"/>.
    /// </summary>
    private static IEnumerable<UserMatches> PerUser(IEnumerable<AlertMatches> matches, Dictionary<string, Alert> byId)
    {
        Alert? owner = null;
        List<AlertMatches>? theirs = null;
        foreach (var match in matches)
        {
            if (!byId.TryGetValue(match.AlertId, out var alert))
            {
                continue;
            }

            if (owner is not null && alert.BelongsTo(owner.Platform, owner.UserId))
            {
                theirs!.Add(match);
                continue;
            }

            if (owner is not null)
            {
                yield return new UserMatches(owner.Platform, owner.UserId, theirs!);
            }

            owner = alert;
            theirs = [match];
        }

        if (owner is not null)
        {
            yield return new UserMatches(owner.Platform, owner.UserId, theirs!);
        }
    }

    // A query stored when it parsed may not parse under a later grammar: that alert is skipped, said each batch. Alerts
    // of the same text share one parsed query: many people follow the same word ("diffusion"), and the parsed queries
    // are held while the batch is matched.
    private List<AlertQuery> Parse(IEnumerable<Alert> active)
    {
        var queries = new List<AlertQuery>();
        var parsed = new Dictionary<string, (SearchQuery? Query, QueryError? Error)>(StringComparer.Ordinal);
        foreach (var alert in active)
        {
            if (!parsed.TryGetValue(alert.Query, out var result))
            {
                parsed[alert.Query] = result = SearchQueryParser.TryParse(alert.Query, out var query, out var error) ? (query, null) : (null, error);
            }

            if (result.Query is { } shared)
            {
                queries.Add(new AlertQuery(alert.Id, shared));
            }
            else
            {
                Log.AlertQueryUnreadable(logger, alert.Id, result.Error?.ToString() ?? "");
            }
        }

        return queries;
    }
}
