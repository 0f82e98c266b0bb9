using ChatBot.Core.Chat;
using ChatBot.Discord.Rest;
using ChatBot.Testing;

namespace ChatBot.Discord.Tests.Rest;

/// <summary>
/// Rate limits on a <see cref="TestClock"/>: the client waits on the fake clock, the server stamps
/// requests with it, so "not sent before the reset" is checked exactly and without sleeping.
/// </summary>
public sealed class DiscordRateLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly MessagePayload Hello = new() { Content = "hello" };
    private static readonly string ChannelOne = FakeDiscordRest.Api("channels/1/messages");
    private static readonly string ChannelTwo = FakeDiscordRest.Api("channels/2/messages");

    [Fact]
    public async Task A_request_on_an_exhausted_bucket_waits_until_reset_after_has_elapsed()
    {
        var clock = new TestClock(Start);
        await using var discord = await FakeDiscordRest.StartAsync(clock);
        discord.Server.Enqueue(ChannelOne, Exhausted(FakeDiscordRest.Message("10", "1"), resetAfter: "1.5"), FakeDiscordRest.Message("11", "1"));
        await discord.Client.CreateMessageAsync("1", Hello, CancellationToken.None);

        var second = discord.Client.CreateMessageAsync("1", Hello, CancellationToken.None);
        var wait = await clock.NextTimerAsync(due => due > TimeSpan.Zero);
        // The client is waiting on the timer seen above, which the fake clock fires only when due.
        clock.Advance(TimeSpan.FromSeconds(1.4));
        var beforeReset = discord.Server.Requests.Count;
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await second;

        Assert.Equal(TimeSpan.FromSeconds(1.5), wait);
        Assert.Equal(1, beforeReset);
        var requests = discord.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task Different_channels_in_one_bucket_do_not_block_each_other()
    {
        var clock = new TestClock(Start);
        await using var discord = await FakeDiscordRest.StartAsync(clock);
        discord.Server.Enqueue(ChannelOne, Exhausted(FakeDiscordRest.Message("10", "1"), resetAfter: "60"));
        discord.Server.Enqueue(ChannelTwo, Exhausted(FakeDiscordRest.Message("20", "2"), resetAfter: "60"));
        await discord.Client.CreateMessageAsync("1", Hello, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var blocked = discord.Client.CreateMessageAsync("1", Hello, cancel.Token);
        await clock.NextTimerAsync(due => due == TimeSpan.FromSeconds(60));
        var other = await discord.Client.CreateMessageAsync("2", Hello, CancellationToken.None);

        Assert.Equal("20", other.MessageId);
        Assert.False(blocked.IsCompleted);
        Assert.Equal([ChannelOne, ChannelTwo], discord.Server.Requests.Select(r => r.Path));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        Assert.Equal(2, discord.Server.Requests.Count);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_retry_after_and_then_succeeds()
    {
        var clock = new TestClock(Start);
        await using var discord = await FakeDiscordRest.StartAsync(clock);
        discord.Server.Enqueue(
            ChannelOne,
            ScriptedResponse.Json("""{"message":"You are being rate limited.","retry_after":0.8,"global":false}""", 429).WithHeader("Retry-After", "1"),
            FakeDiscordRest.Message("10", "1"));

        var posting = discord.Client.CreateMessageAsync("1", Hello, CancellationToken.None);
        var wait = await clock.NextTimerAsync(due => due > TimeSpan.Zero);
        clock.Advance(wait);
        var posted = await posting;

        Assert.Equal(TimeSpan.FromSeconds(0.8), wait);
        Assert.Equal("10", posted.MessageId);
        var requests = discord.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(0.8));
    }

    [Fact]
    public async Task A_global_429_pauses_requests_on_every_bucket()
    {
        var clock = new TestClock(Start);
        await using var discord = await FakeDiscordRest.StartAsync(clock);
        discord.Server.Enqueue(
            ChannelOne,
            ScriptedResponse.Json("""{"message":"You are being rate limited.","retry_after":2,"global":true}""", 429).WithHeader("X-RateLimit-Global", "true"),
            FakeDiscordRest.Message("10", "1"));
        discord.Server.Enqueue(ChannelTwo, FakeDiscordRest.Message("20", "2"));

        var first = discord.Client.CreateMessageAsync("1", Hello, CancellationToken.None);
        await clock.NextTimerAsync(due => due == TimeSpan.FromSeconds(2));
        var second = discord.Client.CreateMessageAsync("2", Hello, CancellationToken.None);
        await clock.NextTimerAsync(due => due == TimeSpan.FromSeconds(2));
        var beforePause = discord.Server.Requests.Count;
        clock.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(first, second);

        Assert.Equal(1, beforePause);
        Assert.All(discord.Server.Requests.Skip(1), r => Assert.True(r.ReceivedAt >= Start + TimeSpan.FromSeconds(2)));
        Assert.Equal(3, discord.Server.Requests.Count);
    }

    [Fact]
    public async Task A_server_error_is_retried_with_backoff_and_then_succeeds()
    {
        var clock = new TestClock(Start);
        await using var discord = await FakeDiscordRest.StartAsync(clock);
        discord.Server.Enqueue(ChannelOne, ScriptedResponse.Status(502, "Bad Gateway"), FakeDiscordRest.Message("10", "1"));

        var posting = discord.Client.CreateMessageAsync("1", Hello, CancellationToken.None);
        var backoff = await clock.NextTimerAsync(due => due > TimeSpan.Zero);
        clock.Advance(backoff);
        var posted = await posting;

        Assert.Equal(DiscordRestClient.FirstServerErrorBackoff, backoff);
        Assert.Equal("10", posted.MessageId);
        Assert.Equal(2, discord.Server.Requests.Count);
    }

    [Fact]
    public async Task Persistent_server_errors_surface_as_a_transient_failure_after_a_bounded_number_of_attempts()
    {
        var clock = new TestClock(Start);
        await using var discord = await FakeDiscordRest.StartAsync(clock);
        discord.Server.Map(ChannelOne, _ => ScriptedResponse.Json("""{"message":"internal","code":0}""", 500));

        var posting = discord.Client.CreateMessageAsync("1", Hello, CancellationToken.None);
        var backoffs = new List<TimeSpan>();
        for (var retry = 1; retry < DiscordRestClient.MaxServerErrorAttempts; retry++)
        {
            var backoff = await clock.NextTimerAsync(due => due > TimeSpan.Zero);
            backoffs.Add(backoff);
            clock.Advance(backoff);
        }

        // The call has ended with its failure: no retry of it can still be pending.
        var failure = await Assert.ThrowsAsync<ChatPlatformException>(() => posting);
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.False(failure.IsPermanent);
        Assert.Equal([0.5, 1, 2], backoffs.Select(b => b.TotalSeconds));
        Assert.Equal(DiscordRestClient.MaxServerErrorAttempts, discord.Server.Requests.Count);
    }

    [Fact]
    public async Task Endless_429s_give_up_after_a_bounded_number_of_attempts()
    {
        var clock = new TestClock(Start);
        await using var discord = await FakeDiscordRest.StartAsync(clock);
        discord.Server.Map(ChannelOne, _ => ScriptedResponse.Json("""{"message":"You are being rate limited.","retry_after":0.25,"global":false}""", 429));

        var posting = discord.Client.CreateMessageAsync("1", Hello, CancellationToken.None);
        for (var retry = 1; retry < DiscordRestClient.MaxRateLimitedAttempts; retry++)
        {
            clock.Advance(await clock.NextTimerAsync(due => due > TimeSpan.Zero));
        }

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(() => posting);

        Assert.False(failure.IsPermanent);
        Assert.Equal(DiscordRestClient.MaxRateLimitedAttempts, discord.Server.Requests.Count);
    }

    [Fact]
    public async Task Every_429_received_is_counted_for_the_metrics()
    {
        var clock = new TestClock(Start);
        await using var discord = await FakeDiscordRest.StartAsync(clock);
        using var rateLimited = discord.Metrics.Counter("http_429_total");
        discord.Server.Enqueue(
            ChannelOne,
            ScriptedResponse.Json("""{"message":"You are being rate limited.","retry_after":0.5,"global":false}""", 429),
            ScriptedResponse.Json("""{"message":"You are being rate limited.","retry_after":0.5,"global":false}""", 429),
            FakeDiscordRest.Message("10", "1"));

        var posting = discord.Client.CreateMessageAsync("1", Hello, CancellationToken.None);
        clock.Advance(await clock.NextTimerAsync(due => due > TimeSpan.Zero));
        clock.Advance(await clock.NextTimerAsync(due => due > TimeSpan.Zero));
        await posting;

        Assert.Equal(["discord", "discord"], rateLimited.GetMeasurementSnapshot().Select(m => m.Tags["platform"]));
    }

    [Fact]
    public async Task Requests_on_one_bucket_are_sent_one_at_a_time()
    {
        await using var discord = await FakeDiscordRest.StartAsync();
        var inFlight = 0;
        var most = 0;
        discord.Server.Map("POST", ChannelOne, async (_, cancellationToken) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Delay(30, cancellationToken);
            Interlocked.Decrement(ref inFlight);
            return FakeDiscordRest.Message("10", "1");
        });

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => discord.Client.CreateMessageAsync("1", Hello, CancellationToken.None)));

        Assert.Equal(1, most);
        Assert.Equal(5, discord.Server.Requests.Count);
    }

    private static ScriptedResponse Exhausted(ScriptedResponse response, string resetAfter) => response
        .WithHeader("X-RateLimit-Bucket", "abcd1234")
        .WithHeader("X-RateLimit-Limit", "5")
        .WithHeader("X-RateLimit-Remaining", "0")
        .WithHeader("X-RateLimit-Reset-After", resetAfter);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
