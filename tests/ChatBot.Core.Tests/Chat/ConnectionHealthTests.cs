using ChatBot.Core.Chat;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBot.Core.Tests.Chat;

public sealed class ConnectionHealthTests
{
    private sealed class TestConnectionHealth() : ConnectionHealth("Test link");

    private static async Task<HealthCheckResult> CheckAsync(ConnectionHealth health) =>
        await health.CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task Ready_while_a_connection_is_open()
    {
        var health = new TestConnectionHealth();
        health.Opened();

        var result = await CheckAsync(health);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("Test link: 1 connection open", result.Description);
    }

    [Fact]
    public async Task Stopped_is_not_ready_even_while_the_last_connection_is_still_closing()
    {
        // The platform refused the bot for good: the open connection is about to close and nothing replaces it.
        var health = new TestConnectionHealth();
        health.Opened();
        health.Stopped("link_disabled");

        var result = await CheckAsync(health);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Test link stopped: link_disabled", result.Description);
    }

    [Fact]
    public async Task Connecting_is_not_ready()
    {
        var health = new TestConnectionHealth();
        health.Opened();
        health.Closed();

        Assert.Equal("Test link: connecting", (await CheckAsync(health)).Description);
    }
}
