using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBot.Cluster;

/// <summary>
/// <c>leadership</c> at <c>/readyz</c> (PostgreSQL only): whether this process leads the scheduled work. Always
/// healthy: a follower answers commands as well as the leader does.
/// </summary>
internal sealed class LeadershipHealthCheck(Leadership leadership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(
            leadership.IsLeader
                ? $"leader ({leadership.Holder}): runs ingest, daily threads and alert delivery"
                : $"follower ({leadership.Holder}): another process runs the scheduled work; this one takes over if it stops"));
}
