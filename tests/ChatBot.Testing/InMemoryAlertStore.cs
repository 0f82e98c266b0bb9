using System.Globalization;
using ChatBot.Core.Alerts;
using ChatBot.Core.Storage;

namespace ChatBot.Testing;

/// <summary>Alerts and delivery settings in dictionaries, with ids from a counter like the real store; each call is atomic like its transactions.</summary>
public sealed class InMemoryAlertStore : IAlertStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Alert> _alerts = [];
    private readonly Dictionary<(string Platform, string UserId), AlertDeliverySettings> _settings = [];
    private int _next;

    public Task<Alert?> TryAddAsync(Alert alert, int maxPerOwner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        lock (_gate)
        {
            if (_alerts.Values.Count(a => a.BelongsTo(alert.Platform, alert.UserId)) >= maxPerOwner)
            {
                return Task.FromResult<Alert?>(null);
            }

            var stored = alert with { Id = (++_next).ToString(CultureInfo.InvariantCulture) };
            _alerts[stored.Id] = stored;
            return Task.FromResult<Alert?>(stored);
        }
    }

    public Task<IReadOnlyList<Alert>> UpdateAsync(IReadOnlyCollection<string> alertIds, Func<Alert, Alert> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var changed = new List<Alert>();
            foreach (var id in alertIds.Distinct(StringComparer.Ordinal))
            {
                if (_alerts.TryGetValue(id, out var alert))
                {
                    changed.Add(_alerts[id] = change(alert) with { Id = id });
                }
            }

            return Task.FromResult<IReadOnlyList<Alert>>(changed);
        }
    }

    public Task<bool> RemoveAsync(string alertId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_alerts.Remove(alertId));
        }
    }

    public Task<IReadOnlyList<Alert>> ListForUserAsync(string platform, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Alert>>([.. _alerts.Values.Where(a => a.BelongsTo(platform, userId))]);
        }
    }

    public Task<IReadOnlyList<Alert>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Alert>>([.. _alerts.Values.Where(a => !a.IsPaused)]);
        }
    }

    public Task<AlertDeliverySettings> GetSettingsAsync(string platform, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_settings.GetValueOrDefault((platform, userId)) ?? AlertDeliverySettings.For(platform, userId));
        }
    }

    public Task<AlertDeliverySettings> UpdateSettingsAsync(
        string platform, string userId, Func<AlertDeliverySettings, AlertDeliverySettings> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var current = _settings.GetValueOrDefault((platform, userId)) ?? AlertDeliverySettings.For(platform, userId);
            var changed = change(current) with { Platform = platform, UserId = userId };
            _settings[(platform, userId)] = changed;
            return Task.FromResult(changed);
        }
    }
}
