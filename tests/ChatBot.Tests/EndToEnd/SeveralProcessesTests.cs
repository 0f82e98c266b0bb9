using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ChatBot.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace ChatBot.Tests.EndToEnd;

/// <summary>
/// Three bot processes on one PostgreSQL database behave as one bot (issue 18): every command is answered once (an
/// interaction delivered to all three is claimed by one), exactly one process leads the scheduled work, a paper the
/// leader ingests is found by all three within seconds, and when the leader is SIGKILLed in the middle of a daily
/// thread another process takes the lease and finishes the same thread (one parent, each reply once) and the alert's
/// direct message arrives once.
/// </summary>
[Collection(PostgresTests.Collection)]
public sealed class SeveralProcessesTests(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string Token = "replica-token-not-for-logs";
    private const string ApplicationId = "111";
    private const string Channel = "555";
    private const string ParentPath = "/api/v10/channels/555/messages";
    private const string RepliesPath = "/api/v10/channels/777/messages";
    private const string DirectMessagePath = "/api/v10/channels/dm-u1/messages";
    private const string NewTitle = "Annealed consensus for replicated paper bots";

    private readonly EnvironmentVariables _environment = new();
    private readonly TempDirectory _importer = new();
    private readonly List<BotReplica> _replicas = [];
    private PostgresTestDatabase? _database;

    public async Task InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync();
        _environment.Set("Storage__Provider", "postgres");
        _environment.Set("Storage__ConnectionString", _database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _environment.Dispose();
        _importer.Dispose();
    }

    [PostgresFact]
    public async Task Three_processes_answer_once_and_a_killed_leaders_daily_thread_and_alert_are_finished_once_by_another()
    {
        // Arrange: the seed papers, an alert for papers from now on, and the new paper waiting in every process's inbox
        // (only the leader ingests, so only the leader reads its inbox).
        var (imported, importOutput) = await CliRunner.RunAsync(["--data-dir", _importer.Path, "import", SeedCorpus.Directory]);
        Assert.True(imported == 0, importOutput);
        await AddAlertForNewPapersAsync("u1", "annealed consensus");
        for (var i = 0; i < 3; i++)
        {
            var replica = await BotReplica.CreateAsync(i, Token, ApplicationId);
            _replicas.Add(replica);
            Directory.CreateDirectory(replica.Data.File("inbox"));
            await File.WriteAllTextAsync(replica.Data.File("inbox/new.json"), NewPaperJson());
            // Dropped a while ago: the inbox skips a file younger than its settle time, and a leader that starts within it
            // would leave the paper to the next ingest tick, half an hour on.
            File.SetLastWriteTimeUtc(replica.Data.File("inbox/new.json"), TimeProvider.System.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(1));
        }

        // Discord: the parent, the thread and the replies wherever they come from; the second reply is held unanswered
        // (Discord never accepted it) until its process is killed. What Discord accepted is counted when it answers.
        var accepted = new ConcurrentQueue<(int Replica, string Path, string Body)>();
        var held = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var replies = 0;
        var holding = true;
        foreach (var replica in _replicas)
        {
            var rest = replica.Rest;
            rest.Map($"/api/v10/channels/{Channel}", _ => ScriptedResponse.Json($$"""{"id":"{{Channel}}","type":0}"""));
            rest.Map("POST", ParentPath, (request, _) =>
            {
                accepted.Enqueue((replica.Index, request.Path, request.Body));
                return Task.FromResult(ScriptedResponse.Json($$"""{"id":"m1","channel_id":"{{Channel}}"}"""));
            });
            rest.Map("POST", $"{ParentPath}/m1/threads", (request, _) =>
            {
                accepted.Enqueue((replica.Index, request.Path, request.Body));
                return Task.FromResult(ScriptedResponse.Json("""{"id":"777","type":11}"""));
            });
            rest.Map("POST", RepliesPath, async (request, token) =>
            {
                if (Interlocked.Increment(ref replies) == 2 && holding)
                {
                    held.TrySetResult(replica.Index);
                    await Task.Delay(Timeout.InfiniteTimeSpan, token);
                }

                accepted.Enqueue((replica.Index, request.Path, request.Body));
                return ScriptedResponse.Json($$"""{"id":"r{{replies}}","channel_id":"777"}""");
            });
            rest.Map("/api/v10/users/@me/channels", _ => ScriptedResponse.Json("""{"id":"dm-u1","type":1}"""));
            rest.Map("POST", DirectMessagePath, (request, _) =>
            {
                accepted.Enqueue((replica.Index, request.Path, request.Body));
                return Task.FromResult(ScriptedResponse.Json("""{"id":"dm1","channel_id":"dm-u1"}"""));
            });
        }

        var shared = new Dictionary<string, string?>
        {
            ["Console__Enabled"] = "false",
            ["Sources__HuggingFace__Enabled"] = "false",
            ["DailyThreads__Schedules__0__Platform"] = "discord",
            ["DailyThreads__Schedules__0__ChannelId"] = Channel,
            ["DailyThreads__Schedules__0__Time"] = TimeProvider.System.GetUtcNow().AddHours(-1).ToString("HH:mm", CultureInfo.InvariantCulture),
            ["DailyThreads__Schedules__0__TimeZone"] = "UTC",
            ["DailyThreads__Schedules__0__Top"] = "3",
        };

        // Act 1: three processes; one leads, ingests the new paper, and is held in the middle of the daily thread.
        foreach (var replica in _replicas)
        {
            replica.Start(shared, Token, ApplicationId);
        }

        var leader = _replicas[await held.Task.WaitAsync(TimeSpan.FromSeconds(120))];
        var followers = _replicas.Where(r => r != leader).ToList();
        foreach (var replica in _replicas)
        {
            await replica.WaitUntilReadyAsync();
        }

        var ingestedAt = await WaitForPaperAsync("2611.09998");

        var leadership = await Task.WhenAll(_replicas.Select(r => r.LeadershipAsync()));

        // Every process answers a search, and finds the paper the leader ingested; each answer comes from the asked process only.
        var found = new ConcurrentDictionary<int, TimeSpan>();
        await Task.WhenAll(_replicas.Select(async replica =>
        {
            var (attempt, answer) = (0, "");
            await Poll.UntilAsync(
                async () =>
                {
                    answer = await replica.SearchAsync($"s{replica.Index}-{attempt++}", "annealed consensus replicated");
                    return answer.Contains(NewTitle, StringComparison.Ordinal);
                },
                TimeSpan.FromSeconds(30),
                () => $"replica {replica.Index} to find the new paper: {answer}");
            found[replica.Index] = ingestedAt.Elapsed;
        }));

        // One interaction delivered to all three: one claims it and answers; the other two say so in their logs.
        foreach (var replica in _replicas)
        {
            replica.Rest.Map("/api/v10/interactions/dup/tok-dup/callback", _ => ScriptedResponse.Status(204));
            replica.Rest.Map("/api/v10/webhooks/111/tok-dup/messages/@original", _ => ScriptedResponse.Json("""{"id":"orig"}"""));
            await replica.Gateway.PushDispatchAsync("INTERACTION_CREATE", BotReplica.Interaction("dup", "tok-dup", "help"));
        }

        await WaitUntilAsync(() => _replicas.Count(r => r.Bot!.Output.Contains("Discord interaction dup was claimed by another process", StringComparison.Ordinal)) == 2
            && _replicas.Any(r => r.Rest.Requests.Any(q => q.Path == "/api/v10/interactions/dup/tok-dup/callback")), "the duplicate interaction to be claimed once");

        // Act 2: SIGKILL the leader while Discord holds its second reply; another process takes over and finishes.
        holding = false;
        await leader.Bot!.KillAsync();
        var killed = Stopwatch.StartNew();
        BotReplica? successor = null;
        await Poll.UntilAsync(
            async () =>
            {
                foreach (var follower in followers)
                {
                    if ((await follower.LeadershipAsync())?.StartsWith("leader", StringComparison.Ordinal) == true)
                    {
                        successor = follower;
                    }
                }

                return successor is not null;
            },
            TimeSpan.FromSeconds(60),
            () => "a process to take the lease:\n" + string.Join("\n", followers.Select(f => f.Describe())));

        Assert.NotNull(successor);
        var takeover = killed.Elapsed;
        output.WriteLine($"takeover after the kill: {takeover.TotalSeconds:0.0} s; the new paper found by the three after {string.Join(", ", found.Values.Select(f => f.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)))} s");
        await WorkerTicks.WaitAsync(successor.Url, "daily-threads", 1, () => successor.Bot!.HasExited, () => successor.Bot!.Output);
        await WorkerTicks.WaitAsync(successor.Url, "alerts", 1, () => successor.Bot!.HasExited, () => successor.Bot!.Output);

        // Assert
        Assert.Single(leadership, d => d?.StartsWith("leader", StringComparison.Ordinal) == true);
        Assert.StartsWith("leader", leadership[leader.Index], StringComparison.Ordinal);
        Assert.All(found.Values, elapsed => Assert.True(elapsed < TimeSpan.FromSeconds(15), $"found after {elapsed}"));
        Assert.True(takeover < TimeSpan.FromSeconds(30), $"takeover took {takeover}");
        var sent = accepted.ToList();
        var parent = Assert.Single(sent, s => s.Path == ParentPath);
        Assert.Equal(leader.Index, parent.Replica);
        Assert.Single(sent, s => s.Path.EndsWith("/threads", StringComparison.Ordinal));
        var threadReplies = sent.Where(s => s.Path == RepliesPath).ToList();
        Assert.Equal(3, threadReplies.Count); // each paper once...
        Assert.Equal(3, threadReplies.Select(r => r.Body).Distinct().Count());
        Assert.Equal(leader.Index, threadReplies[0].Replica); // ...the first from the leader, the rest from its successor
        Assert.All(threadReplies.Skip(1), r => Assert.Equal(successor.Index, r.Replica));
        var direct = Assert.Single(sent, s => s.Path == DirectMessagePath);
        Assert.Contains(NewTitle, direct.Body, StringComparison.Ordinal);
        Assert.Single(_replicas.SelectMany(r => r.Rest.Requests), r => r.Path == "/api/v10/interactions/dup/tok-dup/callback");
        foreach (var replica in _replicas)
        {
            // Each search went to one process and was answered by it, once.
            Assert.All(
                replica.Rest.Requests.Where(r => r.Path.StartsWith("/api/v10/interactions/s", StringComparison.Ordinal)).GroupBy(r => r.Path),
                g => Assert.Single(g));
            if (replica != leader)
            {
                Assert.Empty(replica.Gateway.ProtocolViolations); // the killed leader's heartbeats stopped, as they would
            }

            Assert.DoesNotContain(Token, replica.Bot!.Output, StringComparison.Ordinal);
        }
    }

    /// <summary>An alert of user <paramref name="user"/> on Discord, matching papers stored from now on (as after the bot's first run).</summary>
    private async Task AddAlertForNewPapersAsync(string user, string query)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            UPDATE counters SET value = 1 WHERE name = 'alert-id';
            INSERT INTO alerts (id, platform, user_id, query, created_ticks, paused_reason, matches) VALUES ('1', 'discord', @user, @query, @now, NULL, 0);
            INSERT INTO state (key, value) SELECT 'alerts:cursor', value::text FROM counters WHERE name = 'paper-sequence';
            """, connection);
        command.Parameters.AddWithValue("user", user);
        command.Parameters.AddWithValue("query", query);
        command.Parameters.AddWithValue("now", TimeProvider.System.GetUtcNow().UtcTicks);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Waits until the paper is in the database; the stopwatch then counts from that moment.</summary>
    private async Task<Stopwatch> WaitForPaperAsync(string id)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await WaitUntilAsync(async () =>
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM papers WHERE id = @id", connection);
            command.Parameters.AddWithValue("id", id);
            return (long)(await command.ExecuteScalarAsync())! == 1;
        }, "the leader to ingest the new paper");
        return Stopwatch.StartNew();
    }

    private Task WaitUntilAsync(Func<bool> done, string what) => WaitUntilAsync(() => Task.FromResult(done()), what);

    private Task WaitUntilAsync(Func<Task<bool>> done, string what) =>
        Poll.UntilAsync(done, TimeSpan.FromSeconds(60), () => what + ":\n" + string.Join("\n", _replicas.Select(r => r.Describe())));

    private static string NewPaperJson() => $$"""
        [{"paper":{"id":"2611.09998","title":"{{NewTitle}}","summary":"Annealed consensus keeps replicated paper bots in step across processes.",
          "authors":[{"name":"Ada Example"}],"publishedAt":"2026-11-22T10:00:00.000Z","upvotes":3},
          "title":"{{NewTitle}}","publishedAt":"2026-11-22T12:00:00.000Z"}]
        """;
}
