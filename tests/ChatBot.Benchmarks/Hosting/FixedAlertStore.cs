using ChatBot.Core.Alerts;
using ChatBot.Core.Storage;

namespace ChatBot.Benchmarks.Hosting;

/// <summary>A fixed set of active alerts for the alert benchmark, which only lists them; anything else is not supported.</summary>
internal sealed class FixedAlertStore(IReadOnlyList<Alert> alerts) : IAlertStore
{
    public Task<IReadOnlyList<Alert>> ListActiveAsync(CancellationToken cancellationToken = default) => Task.FromResult(alerts);

    public Task<Alert?> TryAddAsync(Alert alert, int maxPerOwner, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<Alert>> UpdateAsync(IReadOnlyCollection<string> alertIds, Func<Alert, Alert> change, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<bool> RemoveAsync(string alertId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<Alert>> ListForUserAsync(string platform, string userId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AlertDeliverySettings> GetSettingsAsync(string platform, string userId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AlertDeliverySettings> UpdateSettingsAsync(
        string platform, string userId, Func<AlertDeliverySettings, AlertDeliverySettings> change, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
