using System.Globalization;
using ChatBot.Testing;

namespace ChatBot.Tests.Hosting;

/// <summary>
/// Stopping the bot (what SIGTERM does) while a daily thread is being posted on Discord: a reply under
/// way finishes within Shutdown:GracePeriod and is recorded; one that outlasts it is cancelled, and the
/// next start resumes the same thread with the replies not yet sent, never a second parent or thread.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ShutdownHostTests : IDisposable
{
    private const string Token = "shutdown-test-token";
    private const string Channel = "555";
    private const string RepliesPath = "/api/v10/channels/777/messages";
    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();
    private int _messages;

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_reply_outlasting_the_grace_period_is_resent_into_the_same_thread_on_the_next_start()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var rest = await LoopbackHttpServer.StartAsync();
        var hangSecondReply = true;
        await ConfigureAsync(gateway, rest, grace: "00:00:01", async (request, token) =>
        {
            if (hangSecondReply && rest.Requests.Count(r => r.Path == RepliesPath) == 2)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
            }

            return Reply();
        });

        await RunBotAsync(() => rest.Requests.Count(r => r.Path == RepliesPath) >= 2);
        hangSecondReply = false;
        await RunBotAsync(() => rest.Requests.Count(r => r.Path == RepliesPath) >= 4);

        var replies = rest.Requests.Where(r => r.Path == RepliesPath).Select(r => r.Body).ToList();
        Assert.Single(rest.Requests, r => r.Path == $"/api/v10/channels/{Channel}/messages");
        Assert.Single(rest.Requests, r => r.Path.EndsWith("/threads", StringComparison.Ordinal));
        Assert.Equal(4, replies.Count);
        Assert.Equal(replies[1], replies[2]); // the cancelled second reply is sent again...
        Assert.Equal(3, replies.Distinct().Count()); // ...and the third follows; the first is not repeated
    }

    [Fact]
    public async Task A_reply_under_way_finishes_within_the_grace_period_and_the_next_start_sends_nothing()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var rest = await LoopbackHttpServer.StartAsync();
        await ConfigureAsync(gateway, rest, grace: "00:00:20", async (request, token) =>
        {
            if (rest.Requests.Count(r => r.Path == RepliesPath) == 2)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), token);
            }

            return Reply();
        });

        await RunBotAsync(() => rest.Requests.Count(r => r.Path == RepliesPath) >= 2);
        var afterStop = rest.Requests.Count(r => r.Path == RepliesPath);
        await RunningBot.RunAsync(
            _data.Path,
            Token,
            async bot =>
            {
                await bot.WaitUntilAsync(() => gateway.Connections.Count >= 2);
                await bot.WaitForWorkerTicksAsync("daily-threads");
            },
            exitWithin: TimeSpan.FromSeconds(40));

        Assert.Equal(3, afterStop);
        Assert.Equal(3, rest.Requests.Count(r => r.Path == RepliesPath));
        Assert.Single(rest.Requests, r => r.Path == $"/api/v10/channels/{Channel}/messages");
    }

    private ScriptedResponse Reply() => ScriptedResponse.Json($$"""{"id":"r{{Interlocked.Increment(ref _messages)}}","channel_id":"777"}""");

    private async Task ConfigureAsync(FakeDiscordGateway gateway, LoopbackHttpServer rest, string grace, Func<RecordedRequest, CancellationToken, Task<ScriptedResponse>> replies)
    {
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory)).ExitCode);
        FakeDiscord.Connect(_environment, rest, gateway, Token);
        rest.Map($"/api/v10/channels/{Channel}", _ => ScriptedResponse.Json($$"""{"id":"{{Channel}}","type":0}"""));
        rest.Map($"/api/v10/channels/{Channel}/messages", _ => ScriptedResponse.Json($$"""{"id":"m1","channel_id":"{{Channel}}"}"""));
        rest.Map($"/api/v10/channels/{Channel}/messages/m1/threads", _ => ScriptedResponse.Json("""{"id":"777","type":11}"""));
        rest.Map("POST", RepliesPath, replies);
        _environment.Set("Shutdown__GracePeriod", grace);
        _environment.Set("DailyThreads__Schedules__0__Platform", "discord");
        _environment.Set("DailyThreads__Schedules__0__ChannelId", Channel);
        _environment.Set("DailyThreads__Schedules__0__Time", TimeProvider.System.GetUtcNow().AddHours(-1).ToString("HH:mm", CultureInfo.InvariantCulture));
        _environment.Set("DailyThreads__Schedules__0__TimeZone", "UTC");
        _environment.Set("DailyThreads__Schedules__0__Top", "3");
    }

    // Stops may take up to a grace period of 20 s, hence a longer wait for the exit than the usual 30 s.
    private Task RunBotAsync(Func<bool> done) =>
        RunningBot.RunAsync(_data.Path, Token, bot => bot.WaitUntilAsync(done), exitWithin: TimeSpan.FromSeconds(40));
}
