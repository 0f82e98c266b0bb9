using System.Globalization;
using System.Text.Json.Nodes;
using ChatBot.Core.Alerts;
using ChatBot.Core.Storage;
using ChatBot.Storage.Alerts;
using ChatBot.Storage.Database;
using ChatBot.Storage.Papers;
using ChatBot.Storage.State;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Tests.EndToEnd;

/// <summary>
/// The real bot process is killed (SIGKILL: no shutdown code runs) while Discord holds one of its messages
/// unanswered, in the middle of a daily thread and in the middle of alert deliveries, then started again on the
/// same data directory. The restart finishes the work: one parent and one thread, each reply and each direct
/// message once, except the single message in flight at the kill, which may be sent a second time (docs/operations.md,
/// "What the bot guarantees under faults").
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class CrashRestartTests : IDisposable
{
    private const string Token = "crash-test-token";
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
    public async Task Killed_in_the_middle_of_a_daily_thread_the_restarted_bot_finishes_the_same_thread()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory)).ExitCode);
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var rest = await LoopbackHttpServer.StartAsync();
        FakeDiscord.Connect(_environment, rest, gateway, Token);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = true;
        rest.Map($"/api/v10/channels/{Channel}", _ => ScriptedResponse.Json($$"""{"id":"{{Channel}}","type":0}"""));
        rest.Map($"/api/v10/channels/{Channel}/messages", _ => ScriptedResponse.Json($$"""{"id":"m1","channel_id":"{{Channel}}"}"""));
        rest.Map($"/api/v10/channels/{Channel}/messages/m1/threads", _ => ScriptedResponse.Json("""{"id":"777","type":11}"""));
        rest.Map("POST", RepliesPath, async (request, token) =>
        {
            // Discord has the second reply and never answers: the bot cannot know whether it was posted.
            if (holding && rest.Requests.Count(r => r.Path == RepliesPath) == 2)
            {
                held.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
            }

            return ScriptedResponse.Json($$"""{"id":"r{{Interlocked.Increment(ref _messages)}}","channel_id":"777"}""");
        });
        var environment = BotEnvironment();
        environment["DailyThreads__Schedules__0__Platform"] = "discord";
        environment["DailyThreads__Schedules__0__ChannelId"] = Channel;
        environment["DailyThreads__Schedules__0__Time"] = TimeProvider.System.GetUtcNow().AddHours(-1).ToString("HH:mm", CultureInfo.InvariantCulture);
        environment["DailyThreads__Schedules__0__TimeZone"] = "UTC";
        environment["DailyThreads__Schedules__0__Top"] = "3";

        await KillWhileHeldAsync(environment, held.Task);
        holding = false;
        await RunUntilWorkerTickedAsync(environment, "daily-threads");

        var replies = rest.Requests.Where(r => r.Path == RepliesPath).Select(r => r.Body).ToList();
        Assert.Single(rest.Requests, r => r.Method == "POST" && r.Path == $"/api/v10/channels/{Channel}/messages");
        Assert.Single(rest.Requests, r => r.Path.EndsWith("/threads", StringComparison.Ordinal));
        Assert.Equal(3, replies.Distinct().Count()); // every paper of the thread, in the one thread
        Assert.Equal(4, replies.Count); // the one in flight at the kill was sent again...
        Assert.Equal(replies[1], replies[2]); // ...and nothing else was
    }

    [Fact]
    public async Task Killed_in_the_middle_of_alert_deliveries_the_restarted_bot_sends_each_user_their_message_once()
    {
        string[] users = ["u1", "u2", "u3"];
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory)).ExitCode);
        await AddAlertsAsync(users, "quantum annealing");
        await File.WriteAllTextAsync(_data.File("new.json"), NewPaperJson());
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", _data.File("new.json"))).ExitCode);
        await using var gateway = await FakeDiscordGateway.StartAsync();
        await using var rest = await LoopbackHttpServer.StartAsync();
        FakeDiscord.Connect(_environment, rest, gateway, Token);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = true;
        rest.Map("/api/v10/users/@me/channels", request =>
            ScriptedResponse.Json($$"""{"id":"dm-{{JsonNode.Parse(request.Body)!["recipient_id"]!.GetValue<string>()}}","type":1}"""));
        foreach (var user in users)
        {
            rest.Map("POST", $"/api/v10/channels/dm-{user}/messages", async (request, token) =>
            {
                if (holding && DirectMessages(rest).Count == 2)
                {
                    held.TrySetResult();
                    await Task.Delay(Timeout.InfiniteTimeSpan, token);
                }

                return ScriptedResponse.Json($$"""{"id":"dm{{Interlocked.Increment(ref _messages)}}","channel_id":"dm-{{user}}"}""");
            });
        }

        var environment = BotEnvironment();
        await KillWhileHeldAsync(environment, held.Task);
        var inFlight = DirectMessages(rest)[1];
        holding = false;
        await RunUntilWorkerTickedAsync(environment, "alerts");

        var sent = DirectMessages(rest);
        foreach (var user in users)
        {
            var toUser = sent.Where(r => r.Path == $"/api/v10/channels/dm-{user}/messages").Select(r => r.Body).ToList();
            Assert.Contains("Quantum annealing for protein folding", Assert.Single(toUser.Distinct()), StringComparison.Ordinal);
            Assert.Equal(inFlight.Path.Contains($"dm-{user}/", StringComparison.Ordinal) ? 2 : 1, toUser.Count);
        }
    }

    private static List<RecordedRequest> DirectMessages(LoopbackHttpServer rest) =>
        [.. rest.Requests.Where(r => r.Method == "POST" && r.Path.StartsWith("/api/v10/channels/dm-", StringComparison.Ordinal))];

    private static Dictionary<string, string?> BotEnvironment() => new()
    {
        ["Urls"] = $"http://127.0.0.1:{LoopbackPort.Free()}",
        ["Console__Enabled"] = "false",
        ["Sources__HuggingFace__Enabled"] = "false",
    };

    /// <summary>Runs the bot until Discord holds the message, then SIGKILLs it.</summary>
    private async Task KillWhileHeldAsync(Dictionary<string, string?> environment, Task held)
    {
        await using var bot = BotProcess.Start(["--data-dir", _data.Path], environment);
        await bot.WaitUntilAsync(() => held.IsCompleted, "Discord to hold a message");
        await bot.KillAsync();
    }

    /// <summary>Starts the bot again on the same data, until the worker has finished a tick (it runs one at start); then stops it.</summary>
    private async Task RunUntilWorkerTickedAsync(Dictionary<string, string?> environment, string worker)
    {
        await using var bot = BotProcess.Start(["--data-dir", _data.Path], environment);
        await WorkerTicks.WaitAsync(new Uri(environment["Urls"]!), worker, 1, () => bot.HasExited, () => bot.Output);
        await bot.KillAsync();
    }

    private async Task AddAlertsAsync(IEnumerable<string> users, string query)
    {
        var storage = Options.Create(new StorageOptions { DataDirectory = _data.Path });
        using var database = new ChatBotDatabase(storage);
        var alerts = new LiteDbAlertStore(database, NullLogger<LiteDbAlertStore>.Instance);
        foreach (var user in users)
        {
            await alerts.TryAddAsync(new Alert { Platform = "discord", UserId = user, Query = query, CreatedAt = TimeProvider.System.GetUtcNow() }, int.MaxValue);
        }

        // As after the bot's first run: alerts are for papers that arrive from now on.
        var newest = (await new LiteDbPaperStore(database, TimeProvider.System).GetStatsAsync()).LastSequence;
        await new LiteDbStateStore(database).SetAsync(AlertCursor.Key, newest.ToString(CultureInfo.InvariantCulture));
    }

    private static string NewPaperJson() => """
        [{"paper":{"id":"2611.09999","title":"Quantum annealing for protein folding","summary":"We fold proteins with quantum annealing hardware and compare it with classical solvers.",
          "authors":[{"name":"Ada Example"}],"publishedAt":"2026-11-22T10:00:00.000Z","upvotes":3},
          "title":"Quantum annealing for protein folding","publishedAt":"2026-11-22T12:00:00.000Z"}]
        """;
}
