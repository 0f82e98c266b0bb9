using ChatBot.Discord.Gateway;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBot.Discord.Tests.Gateway;

/// <summary>The gateway's readiness: not ready while connecting, ready after READY, not ready after a drop or a fatal close.</summary>
public sealed class GatewayHealthTests
{
    [Fact]
    public async Task Ready_after_READY_not_ready_while_a_dropped_connection_resumes_ready_again_after_RESUMED()
    {
        // A second's backoff keeps the dropped state long enough to be seen: with the harness's 50 ms the client is
        // back before a poll can look, and the test would hang on a state that came and went.
        await using var harness = await GatewayHarness.StartAsync(settings: GatewayHarness.FastSettings with { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(2) });
        await harness.WaitForReadyAsync();
        await GatewayHarness.WaitUntilAsync(() => harness.Health.OpenConnections == 1, "ready");
        var ready = await CheckAsync(harness.Health);

        harness.Gateway.Drop();
        await GatewayHarness.WaitUntilAsync(() => harness.Health.OpenConnections == 0, "the drop to be seen");
        var dropped = await CheckAsync(harness.Health);
        await harness.Gateway.WaitForFrameAsync(f => f.Op == 6);
        await GatewayHarness.WaitUntilAsync(() => harness.Health.OpenConnections == 1, "resumed");

        Assert.Equal(HealthStatus.Healthy, ready.Status);
        Assert.Equal("Discord gateway: 1 connection open", ready.Description);
        Assert.Equal(HealthStatus.Unhealthy, dropped.Status);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(harness.Health)).Status);
    }

    [Fact]
    public async Task A_fatal_close_leaves_it_not_ready_with_the_reason()
    {
        await using var harness = await GatewayHarness.StartAsync(gateway => gateway.CloseCodeOnIdentify = 4004);
        await harness.Running.WaitAsync(TimeSpan.FromSeconds(10));

        var result = await CheckAsync(harness.Health);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("Discord gateway stopped: closed with 4004", result.Description, StringComparison.Ordinal);
    }

    // READY is what makes a session usable: https://discord.com/developers/docs/events/gateway#ready-event.
    // A gateway that accepts the connection and the heartbeats but holds READY back leaves the bot not ready.
    [Fact]
    public async Task While_READY_is_held_back_the_gateway_is_not_ready_though_connected_and_heartbeating()
    {
        await using var harness = await GatewayHarness.StartAsync(gateway => gateway.HoldReady = true);
        var identify = await harness.Gateway.WaitForFrameAsync(f => f.Op == 2);
        await harness.Gateway.WaitForFrameAsync(f => f.Op == 1 && f.Connection == identify.Connection);

        var waiting = await CheckAsync(harness.Health);
        harness.Gateway.ReleaseReady();
        await GatewayHarness.WaitUntilAsync(() => harness.Health.OpenConnections == 1, "READY to make it ready");

        Assert.Equal(HealthStatus.Unhealthy, waiting.Status);
        Assert.Equal("Discord gateway: connected, waiting for READY", waiting.Description);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(harness.Health)).Status);
    }

    private static Task<HealthCheckResult> CheckAsync(DiscordGatewayHealth health) =>
        health.CheckHealthAsync(new HealthCheckContext());
}
