using ChatBot.Core.Alerts;

namespace ChatBot.Core.Storage;

/// <summary>Users' alerts.</summary>
public interface IAlertStore
{
    /// <summary>Stores a new alert and returns it with its id.</summary>
    Task<Alert> AddAsync(Alert alert, CancellationToken cancellationToken = default);

    Task SaveAsync(Alert alert, CancellationToken cancellationToken = default);

    Task<bool> RemoveAsync(string alertId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Alert>> ListForUserAsync(string platform, string userId, CancellationToken cancellationToken = default);

    /// <summary>Every alert that is not paused, for matching.</summary>
    Task<IReadOnlyList<Alert>> ListActiveAsync(CancellationToken cancellationToken = default);
}
