using ChatBot.Core.Chat;
using ChatBot.Discord.Gateway;
using ChatBot.Testing;

namespace ChatBot.Discord.Tests.Gateway;

/// <summary>
/// Identify pacing as Discord documents it (https://discord.com/developers/docs/events/gateway#sharding, "Max
/// Concurrency"): a shard's rate-limit bucket is <c>shard_id % max_concurrency</c>, and each bucket may start one
/// session per 5 seconds; buckets do not wait for each other.
/// </summary>
public sealed class IdentifyGateTests
{
    private static readonly TimeSpan FiveSeconds = TimeSpan.FromSeconds(5);
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(5, 1, 0)]
    [InlineData(5, 4, 1)]
    [InlineData(16, 16, 0)]
    [InlineData(17, 16, 1)]
    [InlineData(3, 0, 0)]
    public void A_shards_bucket_is_its_id_modulo_max_concurrency(int id, int maxConcurrency, int bucket) =>
        Assert.Equal(bucket, new GatewayShard(id, 32).Bucket(maxConcurrency));

    [Fact]
    public async Task A_second_identify_in_one_bucket_waits_out_the_5_seconds_on_the_injected_clock()
    {
        using var gate = new InProcessIdentifyGate(_clock);
        await gate.WaitTurnAsync(0, FiveSeconds, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var second = gate.WaitTurnAsync(0, FiveSeconds, CancellationToken.None);
        var wait = await _clock.NextTimerAsync(due => due > TimeSpan.Zero);
        Assert.False(second.IsCompleted);
        _clock.Advance(wait);
        await second;

        Assert.Equal(TimeSpan.FromSeconds(4), wait);
    }

    [Fact]
    public async Task Another_bucket_identifies_at_once()
    {
        using var gate = new InProcessIdentifyGate(_clock);
        await gate.WaitTurnAsync(0, FiveSeconds, CancellationToken.None);

        var other = gate.WaitTurnAsync(1, FiveSeconds, CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Three_shards_of_one_bucket_identify_5_seconds_apart_in_turn()
    {
        using var gate = new InProcessIdentifyGate(_clock);
        await gate.WaitTurnAsync(0, FiveSeconds, CancellationToken.None);
        var second = gate.WaitTurnAsync(0, FiveSeconds, CancellationToken.None);
        var third = gate.WaitTurnAsync(0, FiveSeconds, CancellationToken.None);

        var firstWait = await _clock.NextTimerAsync(due => due > TimeSpan.Zero);
        _clock.Advance(firstWait);
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(third.IsCompleted);
        var secondWait = await _clock.NextTimerAsync(due => due > TimeSpan.Zero);
        _clock.Advance(secondWait);
        await third.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((FiveSeconds, FiveSeconds), (firstWait, secondWait));
    }
}
