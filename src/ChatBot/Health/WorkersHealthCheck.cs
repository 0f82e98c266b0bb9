using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBot.Health;

/// <summary>
/// Ready while no background service (a platform connection, the ingest, daily-thread or alert worker) has failed.
/// One that failed is named with its error; the host then stops (see <c>ChatBotHost</c>), so this shows during the
/// stop. One that finished its work (the Discord command registration) is not down.
/// </summary>
internal sealed class WorkersHealthCheck(IEnumerable<IHostedService> services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var workers = services.OfType<BackgroundService>().ToList();
        var failed = workers
            .Where(worker => worker.ExecuteTask is { IsFaulted: true })
            .Select(worker => $"{worker.GetType().Name} failed ({worker.ExecuteTask!.Exception!.GetBaseException().Message})")
            .ToList();
        return Task.FromResult(failed.Count > 0
            ? HealthCheckResult.Unhealthy(string.Join("; ", failed))
            : HealthCheckResult.Healthy($"{workers.Count(worker => worker.ExecuteTask is { IsCompleted: false })} running"));
    }
}
