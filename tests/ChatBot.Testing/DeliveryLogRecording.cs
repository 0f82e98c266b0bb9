using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;

namespace ChatBot.Testing;

/// <summary>Records hand-made deliveries as one batch, for tests that need papers waiting without running the matcher.</summary>
public static class DeliveryLogRecording
{
    /// <summary>
    /// Records <paramref name="deliveries"/> as one batch: each paper at its <see cref="Delivery.Sequence"/>, or, when that
    /// is 0, at the next sequence after the log's "recorded through" (in order of first appearance). Returns how many the log recorded.
    /// </summary>
    public static async Task<int> RecordNewAsync(this IDeliveryLog log, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(deliveries);
        var next = await log.RecordedThroughAsync(cancellationToken);
        var papers = new List<BatchPaper>();
        var positions = new Dictionary<PaperId, int>();
        foreach (var delivery in deliveries)
        {
            if (!positions.ContainsKey(delivery.PaperId))
            {
                positions[delivery.PaperId] = papers.Count;
                papers.Add(new BatchPaper(delivery.Sequence > 0 ? delivery.Sequence : ++next, delivery.PaperId));
            }
        }

        var users = deliveries.GroupBy(d => (d.Platform, d.UserId)).Select(user =>
        {
            var alerts = new Dictionary<string, ulong[]>(StringComparer.Ordinal);
            foreach (var delivery in user)
            {
                var position = positions[delivery.PaperId];
                foreach (var alertId in delivery.AlertIds)
                {
                    if (!alerts.TryGetValue(alertId, out var bits))
                    {
                        alerts[alertId] = bits = AlertMatches.NewSet(papers.Count);
                    }

                    bits[position >> 6] |= 1UL << position;
                }
            }

            return new UserMatches(user.Key.Platform, user.Key.UserId, [.. alerts.Select(a => new AlertMatches(a.Key, a.Value))]);
        }).ToList();
        var after = papers.Count == 0 ? next : papers.Min(p => p.Sequence) - 1;
        var through = papers.Count == 0 ? next : papers.Max(p => p.Sequence);
        return await log.RecordBatchAsync(new DeliveryBatch(after, through, papers, users), cancellationToken);
    }
}
