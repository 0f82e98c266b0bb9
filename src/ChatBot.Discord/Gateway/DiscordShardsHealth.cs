using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// The <c>discord</c> check of <c>/readyz</c> over the shards this process runs: ready when every shard's session is
/// (a shard down leaves its servers unanswered), each shard's state in the description and in the data under
/// <c>shard N</c>. With one shard it is that shard's check, word for word.
/// </summary>
internal sealed class DiscordShardsHealth(DiscordGatewayShards shards) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (shards.Runners is [var only])
        {
            return await only.Health.CheckHealthAsync(context, cancellationToken);
        }

        var results = new List<(GatewayShard Shard, HealthCheckResult Result)>();
        foreach (var runner in shards.Runners)
        {
            results.Add((runner.Shard, await runner.Health.CheckHealthAsync(context, cancellationToken)));
        }

        var ready = results.Count(r => r.Result.Status == HealthStatus.Healthy);
        var description = $"{ready} of {results.Count} shards ready; "
            + string.Join("; ", results.Select(r => $"shard {r.Shard.Id}: {r.Result.Description}"));
        var data = results.ToDictionary(r => $"shard {r.Shard.Id}", r => (object)(r.Result.Description ?? r.Result.Status.ToString()));
        return ready == results.Count
            ? HealthCheckResult.Healthy(description, data)
            : HealthCheckResult.Unhealthy(description, data: data);
    }
}
