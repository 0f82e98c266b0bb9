using ChatBot.Core.Alerts;

namespace ChatBot.Core.Storage;

/// <summary>
/// Users' alerts. Every change is one transaction that reads and writes the current stored alerts, so
/// commands and the alert worker running at once can neither pass the per-user limit nor bring back an
/// alert that was removed meanwhile.
/// </summary>
public interface IAlertStore
{
    /// <summary>
    /// Stores a new alert and returns it with its id, unless its owner already has <paramref name="maxPerOwner"/>
    /// alerts: then nothing is stored and the result is null. Counting and adding are one transaction.
    /// </summary>
    Task<Alert?> TryAddAsync(Alert alert, int maxPerOwner, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> to each of the alerts that still exist, as stored now, in one transaction,
    /// and returns them as changed. An alert removed meanwhile is skipped, never brought back.
    /// </summary>
    Task<IReadOnlyList<Alert>> UpdateAsync(IReadOnlyCollection<string> alertIds, Func<Alert, Alert> change, CancellationToken cancellationToken = default);

    Task<bool> RemoveAsync(string alertId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Alert>> ListForUserAsync(string platform, string userId, CancellationToken cancellationToken = default);

    /// <summary>Every alert that is not paused, for matching.</summary>
    Task<IReadOnlyList<Alert>> ListActiveAsync(CancellationToken cancellationToken = default);
}
