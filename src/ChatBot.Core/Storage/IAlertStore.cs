using ChatBot.Core.Alerts;

namespace ChatBot.Core.Storage;

/// <summary>
/// Users' alerts and each user's delivery settings. Every change is one transaction that reads and writes
/// what is stored now, so commands and the alert worker running at once can neither pass the per-user limit,
/// bring back an alert that was removed meanwhile, nor undo each other's settings.
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

    /// <summary>A user's delivery settings; <see cref="AlertDeliverySettings.For"/> (papers as they arrive) if they never chose.</summary>
    Task<AlertDeliverySettings> GetSettingsAsync(string platform, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> to the user's settings as stored now (the defaults if none), in one transaction,
    /// and returns them as changed: a digest choice and the worker's record of a digest sent do not undo each other.
    /// </summary>
    Task<AlertDeliverySettings> UpdateSettingsAsync(string platform, string userId, Func<AlertDeliverySettings, AlertDeliverySettings> change, CancellationToken cancellationToken = default);
}
