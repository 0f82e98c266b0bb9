using System.Globalization;
using System.Text.Json.Nodes;
using ChatBot.Testing;

namespace ChatBot.Tests.DailyThreads;

/// <summary>
/// The whole bot with a daily thread for a Slack channel whose time passed an hour ago: it catches
/// up on start, posting the parent with chat.postMessage and every paper as a reply carrying the
/// parent's ts, through the real Slack Web API client against a loopback fake.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class DailyThreadSlackHostTests : IDisposable
{
    private const string BotToken = "xoxb-daily-test";
    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_due_daily_thread_lands_as_a_parent_and_replies_in_its_thread()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory)).ExitCode);
        await using var slack = await LoopbackHttpServer.StartAsync();
        var ts = 0;
        slack.Map("/api/chat.postMessage", _ =>
            ScriptedResponse.Json($$"""{"ok":true,"channel":"C1","ts":"1700000000.{{Interlocked.Increment(ref ts):000000}}"}"""));
        Set("Slack__BotToken", BotToken);
        Set("Slack__ApiBaseUrl", new Uri(slack.BaseAddress, "api/").AbsoluteUri);
        Set("Slack__ChannelMessageSpacing", "00:00:00.050");
        Set("DailyThreads__Schedules__0__Platform", "slack");
        Set("DailyThreads__Schedules__0__ChannelId", "C1");
        Set("DailyThreads__Schedules__0__Time", TimeProvider.System.GetUtcNow().AddHours(-1).ToString("HH:mm", CultureInfo.InvariantCulture));
        Set("DailyThreads__Schedules__0__TimeZone", "UTC");
        Set("DailyThreads__Schedules__0__Top", "3");

        IReadOnlyList<RecordedRequest> posts = [];
        await RunningBot.RunAsync(_data.Path, BotToken, async _ => posts = await slack.WaitForRequestsAsync(4, TimeSpan.FromSeconds(60)));

        var bodies = posts.Select(p => JsonNode.Parse(p.Body)!).ToList();
        Assert.All(posts, p => Assert.Equal("Bearer " + BotToken, p.Header("Authorization")));
        Assert.Null(bodies[0]["thread_ts"]);
        Assert.Contains("Trending papers", bodies[0].ToJsonString(), StringComparison.Ordinal);
        Assert.All(bodies.Skip(1), b => Assert.Equal("1700000000.000001", b["thread_ts"]!.GetValue<string>()));
        Assert.All(bodies, b => Assert.False(b["unfurl_links"]!.GetValue<bool>()));
    }

    private void Set(string name, string value) => _environment.Set(name, value);
}
