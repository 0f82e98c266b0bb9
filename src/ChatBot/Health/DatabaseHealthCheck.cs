using System.Globalization;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBot.Health;

/// <summary>Ready when the database opens and answers a read.</summary>
internal sealed class DatabaseHealthCheck(IPaperStore papers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var revision = await papers.GetLastRevisionAsync(cancellationToken);
            return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"open, at revision {revision}"));
        }
#pragma warning disable CA1031 // Any failure to read is the answer of this check, not a crash.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"cannot be read: {e.Message}");
        }
    }
}
