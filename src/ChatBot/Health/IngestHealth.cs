using System.Globalization;
using ChatBot.Cluster;
using ChatBot.Core.Ingestion;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatBot.Health;

/// <summary>
/// What the ingest worker's ticks did, as a readiness check: ready when the last tick succeeded, or
/// when a success (or the start) is younger than two intervals, so one failed fetch is not an outage.
/// </summary>
internal sealed class IngestHealth(IOptions<IngestOptions> options, TimeProvider clock, Leadership? leadership = null) : IHealthCheck
{
    private readonly DateTimeOffset _startedAt = clock.GetUtcNow();
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastSuccess;
    private (DateTimeOffset At, string Error)? _lastFailure;

    /// <summary>
    /// Records a tick: failed when a source failed; succeeded when every source was asked and answered;
    /// unchanged when a source was skipped in backoff, so a failing source is not masked by the others.
    /// </summary>
    public void Record(IReadOnlyList<SourceReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Any(r => r.Failed))
        {
            Failed(string.Join("; ", reports.Where(r => r.Failed).Select(r => $"{r.Source}: {r.Error}")));
        }
        else if (!reports.Any(r => r.Skipped))
        {
            Succeeded();
        }
    }

    public void Failed(string error)
    {
        lock (_gate)
        {
            _lastFailure = (clock.GetUtcNow(), error);
        }
    }

    private void Succeeded()
    {
        lock (_gate)
        {
            _lastSuccess = clock.GetUtcNow();
            _lastFailure = null;
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        DateTimeOffset? success;
        (DateTimeOffset At, string Error)? failure;
        lock (_gate)
        {
            (success, failure) = (_lastSuccess, _lastFailure);
        }

        if (leadership is { IsElected: true, IsLeader: false })
        {
            return Task.FromResult(HealthCheckResult.Healthy("another process leads and ingests; this one follows its papers"));
        }

        var now = clock.GetUtcNow();
        var limit = options.Value.Interval * 2;
        var result = (success, failure) switch
        {
            ({ } at, null) => HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"last run succeeded at {at:u}")),
            (null, null) => HealthCheckResult.Healthy("first run in progress"),
            ({ } at, { } failed) when now - at < limit => HealthCheckResult.Healthy(
                string.Create(CultureInfo.InvariantCulture, $"last run failed ({failed.Error}); last success at {at:u}")),
            (null, { } failed) when now - _startedAt < limit => HealthCheckResult.Healthy(
                string.Create(CultureInfo.InvariantCulture, $"last run failed ({failed.Error}); retrying")),
            (_, { } failed) => HealthCheckResult.Unhealthy(
                string.Create(CultureInfo.InvariantCulture, $"no successful run for two intervals ({limit}); last error at {failed.At:u}: {failed.Error}")),
        };
        return Task.FromResult(result);
    }
}
