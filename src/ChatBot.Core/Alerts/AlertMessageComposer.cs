using System.Globalization;
using ChatBot.Core.Commands;
using ChatBot.Core.Papers;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Alerts;

/// <summary>
/// What an alert direct message says: a title counting the papers, up to <see cref="AlertOptions.PapersPerMessage"/>
/// cards each naming the alerts that matched it, a footer with the search for the rest ("…and N more") or how
/// to manage alerts, and a notification line naming the matched queries.
/// </summary>
public sealed class AlertMessageComposer(IOptions<AlertOptions> options)
{
    private readonly int _papersPerMessage = options.Value.PapersPerMessage;

    /// <summary>
    /// The message for the user's <paramref name="pending"/> deliveries, showing <paramref name="found"/> (those of their
    /// papers still stored) and naming the user's alerts as stored now (one removed meanwhile is named by id only).
    /// </summary>
    public Reply Compose(IReadOnlyList<Paper> found, IReadOnlyList<Delivery> pending, IReadOnlyDictionary<string, Alert> userAlerts)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(userAlerts);
        var shown = found.Take(_papersPerMessage).ToList();
        var alertOf = pending.ToDictionary(d => d.PaperId, d => d.AlertIds);
        var cards = shown.Select((paper, i) => new PaperCard(paper, CardDetail.Brief, Matched(alertOf.GetValueOrDefault(paper.Id) ?? [], userAlerts)) { Rank = i + 1 }).ToList();
        var more = found.Count - shown.Count;
        // The search for the rest: the query of the user's alert that matched most of these papers.
        var mostMatched = pending.SelectMany(d => d.AlertIds)
            .Where(userAlerts.ContainsKey)
            .GroupBy(id => id, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Select(g => userAlerts[g.Key] is { Like: { } like } ? $"/papers similar {like.Value}" : $"/papers search {userAlerts[g.Key].Query} sort:new")
            .FirstOrDefault();
        return new Reply
        {
            Title = found.Count == 1 ? "1 new paper for your alerts" : string.Create(CultureInfo.InvariantCulture, $"{found.Count} new papers for your alerts"),
            Papers = cards,
            Footer = (more, mostMatched) switch
            {
                (> 0, { } search) => string.Create(CultureInfo.InvariantCulture, $"\u2026and {more} more: {search}"),
                (> 0, null) => string.Create(CultureInfo.InvariantCulture, $"\u2026and {more} more; /alerts list shows your alerts."),
                _ => "Manage them with /alerts list.",
            },
            Visibility = ReplyVisibility.Private,
            Notification = Notification(found.Count, pending.SelectMany(d => d.AlertIds).Select(id => userAlerts.GetValueOrDefault(id)?.Query)),
        };
    }

    /// <summary>
    /// The notification line of an alert message (what a phone shows): <c>New papers for your alert “diffusion”</c>,
    /// naming up to three of the alert queries that matched.
    /// </summary>
    public static string Notification(int paperCount, IEnumerable<string?> matchedQueries)
    {
        ArgumentNullException.ThrowIfNull(matchedQueries);
        var queries = matchedQueries.OfType<string>().Where(q => q.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var papers = paperCount == 1 ? "New paper" : "New papers";
        if (queries.Count == 0)
        {
            return papers + " for your alerts";
        }

        var named = string.Join(", ", queries.Take(3).Select(q => $"\u201c{q}\u201d"));
        var more = queries.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $" and {queries.Count - 3} more") : "";
        return $"{papers} for your alert{(queries.Count == 1 ? "" : "s")} {named}{more}";
    }

    private static string Matched(IReadOnlyList<string> alertIds, IReadOnlyDictionary<string, Alert> userAlerts) =>
        "Matched " + string.Join(", ", alertIds.Select(id => userAlerts.TryGetValue(id, out var a) ? $"alert {id} \u201c{a.Query}\u201d" : $"alert {id}"));
}
