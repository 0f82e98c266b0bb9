using ChatBot.Core.Alerts;
using ChatBot.Core.Chat;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using ChatBot.Storage.Tests.Search;
using ChatBot.Testing;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Storage.Tests.Alerts;

/// <summary>
/// Alert delivery's promises on the real stores, the real matcher and a LiteDB file that outlives the "process" (a
/// host disposed and built again): a user never gets a paper twice, a crash loses nothing, and a delivery log an
/// older version wrote (one row per (user, paper)) is honoured.
/// </summary>
public sealed class DeliveryGuaranteeTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingChatPlatform _discord = new("discord");
    private readonly TestMetrics _metrics = new();
    private int _next;

    public void Dispose()
    {
        _metrics.Dispose();
        _data.Dispose();
    }

    private IEnumerable<string> Received =>
        _discord.Sent.SelectMany(m => m.Message.Papers.Select(c => $"{m.ChannelId} {c.Paper.Title}"));

    [Fact]
    public async Task A_user_never_gets_a_paper_twice_across_batches_and_restarts()
    {
        using (var storage = Start())
        {
            await RunAsync(storage); // the cursor starts at the newest paper
            await AddAlertAsync(storage, "U1", "mamba");
            await AddAlertAsync(storage, "U1", "vision");
            await AddAlertAsync(storage, "U2", "mamba");
            await AddPapersAsync(storage, "Mamba for vision", "Vision transformers");
            await RunAsync(storage);
        }

        using (var storage = Start())
        {
            await RunAsync(storage);
            await AddPapersAsync(storage, "Mamba again");
            await RunAsync(storage);
            await storage.Get<IStateStore>().SetAsync(AlertCursor.Key, "0"); // as if every cursor move had been lost
        }

        using (var storage = Start())
        {
            await RunAsync(storage);
            await RunAsync(storage);
        }

        Assert.Equal(
            ["dm:U1 Mamba again", "dm:U1 Mamba for vision", "dm:U1 Vision transformers", "dm:U2 Mamba again", "dm:U2 Mamba for vision"],
            Received.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_crash_between_recording_and_sending_loses_nothing()
    {
        using (var storage = Start())
        {
            await RunAsync(storage);
            await AddAlertAsync(storage, "U1", "mamba");
            await AddPapersAsync(storage, "Mamba one", "Mamba two");
            await Recorder(storage, storage.AlertMatcher).RecordNewMatchesAsync(CancellationToken.None); // then the process dies
        }

        using (var storage = Start())
        {
            await RunAsync(storage);
            await RunAsync(storage);
        }

        Assert.Equal(["Mamba one", "Mamba two"], Assert.Single(_discord.Sent).Message.Papers.Select(c => c.Paper.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_crash_while_a_batch_is_being_recorded_leaves_none_of_it_and_the_next_run_records_it_once()
    {
        using (var storage = Start())
        {
            await RunAsync(storage);
            foreach (var user in new[] { "U1", "U2", "U3" })
            {
                await AddAlertAsync(storage, user, "mamba");
            }

            await AddPapersAsync(storage, "Mamba one", "Mamba two");
            var failing = new FailingMatcher(storage.AlertMatcher, alertsBeforeFailing: 2);

            await Assert.ThrowsAsync<IOException>(() => Recorder(storage, failing).RecordNewMatchesAsync(CancellationToken.None));

            Assert.Empty(await storage.Get<IDeliveryLog>().PendingAsync());
            Assert.Equal(0, await storage.Get<IDeliveryLog>().RecordedThroughAsync());
        }

        using (var storage = Start())
        {
            await RunAsync(storage);
            await RunAsync(storage);
        }

        Assert.Equal(
            ["dm:U1 Mamba one", "dm:U1 Mamba two", "dm:U2 Mamba one", "dm:U2 Mamba two", "dm:U3 Mamba one", "dm:U3 Mamba two"],
            Received.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_delivery_log_written_one_row_per_user_and_paper_by_an_older_version_is_still_honoured()
    {
        using (var storage = Start())
        {
            await RunAsync(storage);
            foreach (var user in new[] { "U1", "U2", "U3" })
            {
                await AddAlertAsync(storage, user, "mamba");
            }

            var papers = await AddPapersAsync(storage, "Mamba one", "Mamba two");
            // The older version recorded part of this batch and stopped before moving the cursor: U1 was sent "Mamba one",
            // "Mamba two" waits for U1, and "Mamba one" waits for U2 after a failed attempt.
            var old = storage.Get<ChatBotDatabase>().Database.GetCollection("deliveries");
            old.EnsureIndex("State");
            old.Insert(OldRow("U1", papers[0], "Sent", attempts: 1));
            old.Insert(OldRow("U1", papers[1], "Pending", attempts: 0));
            old.Insert(OldRow("U2", papers[0], "Pending", attempts: 1));
        }

        using (var storage = Start())
        {
            await RunAsync(storage);
            await RunAsync(storage);
            var rows = storage.Get<ChatBotDatabase>().Database.GetCollection("deliveries").FindAll().ToList();
            Assert.All(rows, r => Assert.Equal("Sent", r["State"].AsString));
        }

        using (var storage = Start())
        {
            await RunAsync(storage);
        }

        Assert.Equal(
            ["dm:U1 Mamba two", "dm:U2 Mamba one", "dm:U2 Mamba two", "dm:U3 Mamba one", "dm:U3 Mamba two"],
            Received.Order(StringComparer.Ordinal));
        Assert.Equal(3, _discord.Sent.Count); // one message per user
    }

    private static BsonDocument OldRow(string user, PaperId paper, string state, int attempts) => new()
    {
        ["_id"] = $"discord:{user}|{paper}",
        ["Platform"] = "discord",
        ["User"] = user,
        ["Paper"] = paper.Value,
        ["Alerts"] = new BsonArray(new BsonValue(user == "U1" ? "1" : user == "U2" ? "2" : "3")),
        ["State"] = state,
        ["Attempts"] = attempts,
        ["RetryAt"] = BsonValue.Null,
        ["Error"] = BsonValue.Null,
    };

    private HostedStorage Start() => new(_data.Path);

    private Task RunAsync(HostedStorage storage) =>
        TestAlertDelivery.Create(
            storage.Store, storage.Get<IAlertStore>(), storage.Get<IDeliveryLog>(), storage.Get<IStateStore>(), storage.AlertMatcher,
            new ChatPlatforms([_discord]), _metrics.Metrics, _clock).RunAsync(CancellationToken.None);

    private AlertMatchRecorder Recorder(HostedStorage storage, IAlertMatcher matcher) =>
        new(storage.Store, storage.Get<IAlertStore>(), storage.Get<IDeliveryLog>(), new AlertCursor(storage.Get<IStateStore>(), storage.Store), matcher, _clock,
            NullLogger<AlertMatchRecorder>.Instance);

    private static async Task AddAlertAsync(HostedStorage storage, string user, string query) =>
        Assert.NotNull(await storage.Get<IAlertStore>().TryAddAsync(new Alert { Platform = "discord", UserId = user, Query = query }, int.MaxValue));

    private async Task<PaperId[]> AddPapersAsync(HostedStorage storage, params string[] titles)
    {
        Paper[] papers = [.. titles.Select(t => TestPapers.Arxiv($"2611.{++_next:00000}", t) with { PublishedAt = _clock.GetUtcNow() })];
        await storage.Store.UpsertAsync(papers);
        return [.. papers.Select(p => p.Id)];
    }

    /// <summary>A matcher whose stream breaks (a disk error, a crash) after handing on some alerts' matches.</summary>
    private sealed class FailingMatcher(IAlertMatcher inner, int alertsBeforeFailing) : IAlertMatcher
    {
        public Task<IReadOnlyList<AlertMatch>> MatchAsync(IReadOnlyList<Paper> papers, IReadOnlyList<AlertQuery> alerts, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            inner.MatchAsync(papers, alerts, now, cancellationToken);

        public async Task<IEnumerable<AlertMatches>> MatchEachAsync(IReadOnlyList<Paper> papers, IReadOnlyList<AlertQuery> alerts, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Fail(await inner.MatchEachAsync(papers, alerts, now, cancellationToken));

        private IEnumerable<AlertMatches> Fail(IEnumerable<AlertMatches> matches)
        {
            foreach (var match in matches.Take(alertsBeforeFailing))
            {
                yield return match;
            }

            throw new IOException("the disk went away");
        }
    }
}
