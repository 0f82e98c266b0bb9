using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;

namespace ChatBot.Testing;

/// <summary>An alert matcher for tests about delivery rather than matching: every word of the alert must occur in the title.</summary>
public sealed class TitleWordAlertMatcher : IAlertMatcher
{
    public Task<IReadOnlyList<AlertMatch>> MatchAsync(IReadOnlyList<Paper> papers, IReadOnlyList<AlertQuery> alerts, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AlertMatch>>([.. from alert in alerts
            from paper in papers
            where alert.Query.Clauses.All(c => c.AnyOf.Any(t => paper.Title.Contains(t.Text, StringComparison.OrdinalIgnoreCase)))
            select new AlertMatch(alert.AlertId, paper.Id)]);
}
