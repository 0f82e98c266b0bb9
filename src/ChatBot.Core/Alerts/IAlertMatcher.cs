using ChatBot.Core.Papers;

namespace ChatBot.Core.Alerts;

/// <summary>
/// Matches a small batch of new papers against many alert queries at once. Every clause must
/// match (no any-word fallback: an alert is a promise, not a suggestion), excluded terms must not,
/// relative dates resolve against <c>now</c>, and sort is ignored. Withdrawn papers never match.
/// </summary>
public interface IAlertMatcher
{
    /// <summary>Every (alert, paper) match, as a list: for tests and small batches.</summary>
    Task<IReadOnlyList<AlertMatch>> MatchAsync(IReadOnlyList<Paper> papers, IReadOnlyList<AlertQuery> alerts, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Each alert that matched, in the order of <paramref name="alerts"/>, with its papers as positions in
    /// <paramref name="papers"/> (a paper listed twice counts at its last position), made as the result is read, so a
    /// batch's millions of matches are never all held. Read it once, on one thread, and dispose of it.
    /// This default groups <see cref="MatchAsync"/>'s list; a matcher for large batches streams instead.
    /// </summary>
    async Task<IEnumerable<AlertMatches>> MatchEachAsync(IReadOnlyList<Paper> papers, IReadOnlyList<AlertQuery> alerts, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(alerts);
        var matches = await MatchAsync(papers, alerts, now, cancellationToken);
        var positions = new Dictionary<PaperId, int>(papers.Count);
        for (var i = 0; i < papers.Count; i++)
        {
            positions[papers[i].Id] = i;
        }

        var byAlert = new Dictionary<string, ulong[]>(StringComparer.Ordinal);
        foreach (var match in matches)
        {
            if (!byAlert.TryGetValue(match.AlertId, out var bits))
            {
                byAlert[match.AlertId] = bits = AlertMatches.NewSet(papers.Count);
            }

            var position = positions[match.PaperId];
            bits[position >> 6] |= 1UL << position;
        }

        return [.. alerts.Select(a => a.AlertId).Distinct(StringComparer.Ordinal)
            .Where(byAlert.ContainsKey)
            .Select(id => new AlertMatches(id, byAlert[id]))];
    }
}
