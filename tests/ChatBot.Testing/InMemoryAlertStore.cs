using System.Globalization;
using ChatBot.Core.Alerts;
using ChatBot.Core.Storage;

namespace ChatBot.Testing;

/// <summary>Alerts in a dictionary, with ids from a counter like the real store.</summary>
public sealed class InMemoryAlertStore : IAlertStore
{
    private readonly Dictionary<string, Alert> _alerts = [];
    private int _next;

    public Task<Alert> AddAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var stored = alert with { Id = (++_next).ToString(CultureInfo.InvariantCulture) };
        _alerts[stored.Id] = stored;
        return Task.FromResult(stored);
    }

    public Task SaveAsync(Alert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        _alerts[alert.Id] = alert;
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string alertId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_alerts.Remove(alertId));

    public Task<IReadOnlyList<Alert>> ListForUserAsync(string platform, string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Alert>>([.. _alerts.Values.Where(a => a.BelongsTo(platform, userId))]);

    public Task<IReadOnlyList<Alert>> ListActiveAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Alert>>([.. _alerts.Values.Where(a => !a.IsPaused)]);
}
