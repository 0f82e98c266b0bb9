using System.Globalization;
using System.Text.Json.Nodes;
using ChatBot.Testing;
using Microsoft.Extensions.Logging;

namespace ChatBot.Tests.DailyThreads;

/// <summary>
/// The whole bot with a daily thread configured for a Discord channel whose time passed an hour ago:
/// it catches up on start and posts the parent, opens a thread on it and posts the papers there,
/// through the real Discord REST client against a loopback fake; a restart posts nothing more.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class DailyThreadDiscordHostTests : IDisposable
{
    private const string Token = "daily-test-token";
    private const string Channel = "555";
    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();
    private int _messages;

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_due_daily_thread_is_posted_as_a_parent_a_thread_and_its_replies_once()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory)).ExitCode);
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var rest = await LoopbackHttpServer.StartAsync();
        var api = FakeDiscord.Connect(_environment, rest, gateway, Token);
        MapChannel(rest);
        Set("DailyThreads__Schedules__0__Platform", "discord");
        Set("DailyThreads__Schedules__0__ChannelId", Channel);
        Set("DailyThreads__Schedules__0__Time", TimeProvider.System.GetUtcNow().AddHours(-1).ToString("HH:mm", CultureInfo.InvariantCulture));
        Set("DailyThreads__Schedules__0__TimeZone", "UTC");
        Set("DailyThreads__Schedules__0__Top", "3");

        await RunBotUntilAsync(() => rest.Requests.Count(r => r.Path == "/api/v10/channels/777/messages") >= 3);
        var afterFirstRun = rest.Requests.Count(r => r.Path.Contains("/channels/", StringComparison.Ordinal) && r.Method == "POST");
        // The second run: connected, and its daily worker has finished a tick (it runs one at start), so anything
        // it would post again has been posted by now.
        await RunningBot.RunAsync(_data.Path, Token, async bot =>
        {
            await bot.WaitUntilAsync(() => gateway.Connections.Count >= 2);
            await bot.WaitForWorkerTicksAsync("daily-threads");
        });

        var posts = rest.Requests.Where(r => r.Method == "POST" && r.Path.Contains("/channels/", StringComparison.Ordinal)).ToList();
        Assert.Equal(afterFirstRun, posts.Count); // the restart posted nothing
        Assert.Equal($"/api/v10/channels/{Channel}/messages", posts[0].Path);
        Assert.Contains("Trending papers", posts[0].Body, StringComparison.Ordinal);
        Assert.Equal($"/api/v10/channels/{Channel}/messages/m1/threads", posts[1].Path);
        Assert.All(posts.Skip(2), p => Assert.Equal("/api/v10/channels/777/messages", p.Path));
        Assert.Equal(3, posts.Count - 2);
        // Every message names its allowed mentions (none): a post without the field fails here and in the fake's checks.
        // (Starting a thread from a message carries no message, so no mentions.)
        var messagePosts = posts.Where(p => !p.Path.EndsWith("/threads", StringComparison.Ordinal));
        Assert.All(messagePosts, p => Assert.Equal("[]", JsonNode.Parse(p.Body)!["allowed_mentions"]!["parse"]!.ToJsonString()));
        Assert.Empty(api.ProtocolViolations);
        Assert.Empty(gateway.ProtocolViolations);
    }

    [Fact]
    public async Task The_old_configuration_keys_still_post_the_daily_thread_and_are_named_in_one_warning_at_start()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory)).ExitCode);
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var rest = await LoopbackHttpServer.StartAsync();
        var api = FakeDiscord.Connect(_environment, rest, gateway, Token);
        MapChannel(rest);
        Set("DailyPosts__0__Platform", "discord");
        Set("DailyPosts__0__ChannelId", Channel);
        Set("DailyPosts__0__Time", TimeProvider.System.GetUtcNow().AddHours(-1).ToString("HH:mm", CultureInfo.InvariantCulture));
        Set("DailyPosts__0__TimeZone", "UTC");
        Set("DailyPosts__0__Top", "3");
        Set("DailyThread__PostQuietDayNote", "true");
        using var logs = new RecordingLoggerProvider();

        var bot = await RunningBot.StartAsync(_data.Path, configure: b => b.Logging.AddProvider(logs));
        await using (bot)
        {
            await bot.WaitUntilAsync(() => rest.Requests.Count(r => r.Path == "/api/v10/channels/777/messages") >= 3);
        }

        Assert.Equal($"/api/v10/channels/{Channel}/messages", rest.Requests.First(r => r.Method == "POST").Path);
        Assert.DoesNotContain(Token, bot.Output, StringComparison.Ordinal);
        var warnings = logs.Entries.Where(e => e.Entry.EventId.Id == 1406).Select(e => e.Entry.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Single(warnings, w => w.StartsWith("The configuration section DailyPosts is now DailyThreads:Schedules", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.StartsWith("The configuration section DailyThread is now DailyThreads", StringComparison.Ordinal));
        Assert.Empty(api.ProtocolViolations);
    }

    // The channel, its messages (m1, m2, …), the thread 777 started on m1, and the thread's replies.
    private void MapChannel(LoopbackHttpServer rest)
    {
        rest.Map($"/api/v10/channels/{Channel}", _ => ScriptedResponse.Json($$"""{"id":"{{Channel}}","type":0}"""));
        rest.Map($"/api/v10/channels/{Channel}/messages", _ => ScriptedResponse.Json($$"""{"id":"m{{Interlocked.Increment(ref _messages)}}","channel_id":"{{Channel}}"}"""));
        rest.Map($"/api/v10/channels/{Channel}/messages/m1/threads", _ => ScriptedResponse.Json("""{"id":"777","type":11}"""));
        rest.Map("/api/v10/channels/777/messages", _ => ScriptedResponse.Json($$"""{"id":"r{{Interlocked.Increment(ref _messages)}}","channel_id":"777"}"""));
    }

    private Task RunBotUntilAsync(Func<bool> done) =>
        RunningBot.RunAsync(_data.Path, Token, bot => bot.WaitUntilAsync(done));

    private void Set(string name, string value) => _environment.Set(name, value);
}
