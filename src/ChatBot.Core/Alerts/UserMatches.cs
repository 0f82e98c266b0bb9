namespace ChatBot.Core.Alerts;

/// <summary>
/// What one user's alerts matched in one batch: each of their alerts that matched, with its papers. A paper matched
/// by several of them is one delivery naming each.
/// </summary>
public sealed record UserMatches(string Platform, string UserId, IReadOnlyList<AlertMatches> Alerts)
{
    /// <summary>The batch positions of the papers any of the alerts matched, ascending.</summary>
    public IEnumerable<int> Positions()
    {
        if (Alerts.Count == 1)
        {
            return Alerts[0].Positions();
        }

        var length = Alerts.Max(a => a.Papers.Length);
        var union = new ulong[length];
        foreach (var alert in Alerts)
        {
            var bits = alert.Papers;
            for (var i = 0; i < bits.Length; i++)
            {
                union[i] |= bits[i];
            }
        }

        return new AlertMatches("", union).Positions();
    }

    /// <summary>The ids of the alerts that matched the paper at <paramref name="position"/>, in the order of <see cref="Alerts"/>.</summary>
    public IReadOnlyList<string> AlertIdsAt(int position) =>
        Alerts.Count == 1 ? [Alerts[0].AlertId] : [.. Alerts.Where(a => a.Contains(position)).Select(a => a.AlertId)];
}
