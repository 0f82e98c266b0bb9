using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using LiteDB;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// One stored page of a batch's matches, decoded: the batch's papers (ids and sequences) and each user's entry.
/// Deliveries are made from it one user at a time (<see cref="PendingFor"/>).
/// </summary>
internal sealed class MatchPage(BsonArray ids, long[] sequences, List<MatchPageEntry> entries)
{
    public IReadOnlyList<MatchPageEntry> Entries => entries;

    public static MatchPage Of(BsonDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var ids = page["Ids"].AsArray;
        return new MatchPage(
            ids,
            MatchPageCodec.DecodeSequences(page["After"].AsInt64, page["Sequences"].AsBinary, ids.Count),
            MatchPageCodec.Decode(page["Data"].AsBinary, page["Sets"].AsBinary, page["Words"].AsInt32));
    }

    /// <summary>Whether any of the entry's papers is past the user's "settled through" (positions ascend with sequence).</summary>
    public bool HasPending(MatchPageEntry entry, long settled) =>
        entry.Alerts.Any(alert => alert.Positions.Length > 0 && sequences[alert.Positions[^1]] > settled);

    /// <summary>The entry's papers past the user's "settled through", each once with every alert of theirs that matched it.</summary>
    public IEnumerable<Delivery> PendingFor(MatchPageEntry entry, Recipient recipient)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(recipient);
        var alertsAt = new SortedDictionary<int, List<string>>();
        foreach (var (alertId, positions) in entry.Alerts)
        {
            foreach (var position in positions)
            {
                if (sequences[position] <= recipient.Settled)
                {
                    continue;
                }

                if (!alertsAt.TryGetValue(position, out var alertIds))
                {
                    alertsAt[position] = alertIds = [];
                }

                alertIds.Add(alertId);
            }
        }

        return alertsAt.Select(pair => new Delivery
        {
            Platform = entry.Platform,
            UserId = entry.UserId,
            PaperId = PaperId.Parse(ids[pair.Key].AsString),
            Sequence = sequences[pair.Key],
            AlertIds = pair.Value,
            Attempts = recipient.Attempts,
            RetryAt = recipient.RetryAt,
            LastError = recipient.Error,
        });
    }
}
