using ChatBot.Core.Papers;

namespace ChatBot.Core.Alerts;

/// <summary>
/// Matches a small batch of new papers against many alert queries at once. Every clause must
/// match (no any-word fallback: an alert is a promise, not a suggestion), excluded terms must not,
/// relative dates resolve against <c>now</c>, and sort is ignored. Withdrawn papers never match.
/// </summary>
public interface IAlertMatcher
{
    Task<IReadOnlyList<AlertMatch>> MatchAsync(IReadOnlyList<Paper> papers, IReadOnlyList<AlertQuery> alerts, DateTimeOffset now, CancellationToken cancellationToken = default);
}
