using ChatBot.Core.Chat;
using ChatBot.Discord.Gateway;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Tests.Gateway;

public sealed class GatewayBackoffTests
{
    [Fact]
    public async Task Failed_connections_back_off_doubling_to_the_cap_and_identify_at_most_every_5_seconds_on_the_injected_clock()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var rest = await FakeDiscordRest.StartAsync(clock);
        rest.Server.Map(FakeDiscordRest.Api("gateway/bot"), _ => ScriptedResponse.Json(
            $$$"""{"url":"ws://127.0.0.1:{{{LoopbackPort.Free()}}}","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":0,"max_concurrency":1}}"""));
        var settings = new DiscordGatewaySettings { Jitter = () => 0.5 };
        using var gate = new InProcessIdentifyGate(clock);
        var client = new DiscordGatewayClient(
            new GatewayShard(0, 1),
            gate,
            rest.Client,
            new NoDispatcher(),
            Options.Create(new DiscordOptions { Token = "t", ApiBaseUrl = rest.Options.ApiBaseUrl }),
            settings,
            new DiscordGatewayHealth(),
            rest.Metrics.Metrics,
            clock,
            new RecordingLogger<DiscordGatewayClient>());
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => client.RunAsync(stop.Token));

        var waits = new List<double>();
        while (waits.Count < 11)
        {
            var due = await clock.NextTimerAsync(d => d > TimeSpan.Zero && d != Timeout.InfiniteTimeSpan);
            waits.Add(due.TotalSeconds);
            clock.Advance(due);
        }

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        // Backoff = min(1 s × 2^n, 60 s) × 0.75 (jitter 0.5); between them, the wait for the
        // 5-second identify slot when the backoff was shorter than that.
        Assert.Equal([0.75, 4.25, 1.5, 3.5, 3, 2, 6, 12, 24, 45, 45], waits);
    }

    private sealed class NoDispatcher : IDiscordInteractionDispatcher
    {
        public void Dispatch(System.Text.Json.JsonElement interaction, long receivedAt)
        {
        }
    }
}
