using ChatBot.Discord.Gateway;
using ChatBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBot.Discord.Tests.Gateway;

/// <summary>
/// Several shards in one process (<c>Discord:ShardIds</c>): one gateway connection each, each Identify naming its
/// <c>[shard_id, num_shards]</c> (https://discord.com/developers/docs/events/gateway-events#identify), Identifies paced
/// per rate-limit bucket <c>shard_id % max_concurrency</c> as <c>GET /gateway/bot</c>'s session_start_limit says
/// (https://discord.com/developers/docs/events/gateway#sharding, "Max Concurrency"; the fake gateway checks the pacing),
/// and readiness per shard.
/// </summary>
public sealed class GatewayShardsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Each_shard_identifies_once_with_its_pair_paced_per_bucket_and_readiness_names_every_shard(int maxConcurrency)
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.MaxConcurrency = maxConcurrency;
        gateway.ShardCount = 4;

        // The client spaces a bucket's Identifies by 500 ms here (Discord's 5 s, shortened) before it connects; the
        // connection's own latency may shorten the gap the gateway sees, so the fake allows 200 ms of it. Unpaced,
        // the three Identifies would arrive within a few milliseconds.
        var settings = GatewayHarness.FastSettings with { IdentifyInterval = TimeSpan.FromMilliseconds(500) };
        gateway.IdentifyWindow = settings.IdentifyInterval - TimeSpan.FromMilliseconds(200);
        await using var rest = await FakeDiscordRest.StartAsync();
        rest.RestApi.MapGatewayBot(gateway.Url, maxConcurrency: maxConcurrency, shards: 4);
        using var host = GatewaySupervisionTests.BuildHost(rest, services => services.Replace(ServiceDescriptor.Singleton(settings)), new Dictionary<string, string?>
        {
            ["Discord:ShardIds"] = "1-3",
            ["Discord:ShardCount"] = "4",
        });

        await host.StartAsync();
        var ready = await GatewaySupervisionTests.WaitForHealthAsync(host, entry => entry.Status == HealthStatus.Healthy);
        await host.StopAsync();

        Assert.Equal([1, 2, 3], gateway.Identifies.Select(i => i.Shard).Order());
        Assert.All(gateway.Identifies, i => Assert.Equal(4, i.ShardCount));
        Assert.StartsWith("3 of 3 shards ready; ", ready.Description, StringComparison.Ordinal);
        Assert.Contains("shard 2: Discord gateway: 1 connection open", ready.Description, StringComparison.Ordinal);
        Assert.Equal(["shard 1", "shard 2", "shard 3"], ready.Data.Keys.Order());
        Assert.Empty(gateway.ProtocolViolations);
    }

    [Fact]
    public async Task A_shard_that_is_not_ready_makes_the_process_not_ready_and_says_which()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        gateway.HoldReady = true;
        await using var rest = await FakeDiscordRest.StartAsync();
        rest.RestApi.MapGatewayBot(gateway.Url, maxConcurrency: 2, shards: 2);
        using var host = GatewaySupervisionTests.BuildHost(rest, _ => { }, new Dictionary<string, string?>
        {
            ["Discord:ShardIds"] = "0,1",
            ["Discord:ShardCount"] = "2",
        });

        await host.StartAsync();
        await GatewayHarness.WaitUntilAsync(() => gateway.Identifies.Count == 2, "both shards to identify");
        var waiting = await GatewaySupervisionTests.CheckAsync(host);
        await host.StopAsync();

        Assert.Equal(HealthStatus.Unhealthy, waiting.Status);
        Assert.StartsWith("0 of 2 shards ready; shard 0: Discord gateway: ", waiting.Description, StringComparison.Ordinal);
        Assert.Contains("shard 1: Discord gateway: ", waiting.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_runs_one_client_per_configured_shard()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        using var host = GatewaySupervisionTests.BuildHost(rest, _ => { }, new Dictionary<string, string?>
        {
            ["Discord:ShardIds"] = "0,2",
            ["Discord:ShardCount"] = "3",
        });

        var shards = host.Services.GetRequiredService<DiscordGatewayShards>().Runners.Select(r => r.Shard);

        Assert.Equal([new GatewayShard(0, 3), new GatewayShard(2, 3)], shards);
    }
}
