using ChatBot.Core.Alerts;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Commands.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Core.Telemetry;
using ChatBot.Storage.Tests.Search;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Alerts;

/// <summary>
/// Alert commands and the alert worker at the same time, on a real LiteDB file, on many threads: the per-user
/// limit holds and a removed alert stays removed.
/// </summary>
public sealed class AlertConcurrencyTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly HostedStorage _storage;

    public AlertConcurrencyTests() => _storage = new HostedStorage(_data.Path);

    public void Dispose()
    {
        _storage.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Many_alerts_added_at_once_by_one_user_never_pass_the_limit()
    {
        var router = _storage.Get<CommandRouter>();
        for (var i = 0; i < AlertLimits.MaxAlertsPerUser - 5; i++)
        {
            Assert.False((await router.HandleAsync(Add($"early{i}"), CancellationToken.None)).IsError);
        }

        using var go = new ManualResetEventSlim();
        var adds = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await router.HandleAsync(Add($"topic{i}"), CancellationToken.None);
        })).ToList();
        go.Set();
        var replies = await Task.WhenAll(adds);

        var stored = await _storage.Get<IAlertStore>().ListForUserAsync("slack", "U1");
        Assert.Equal(AlertLimits.MaxAlertsPerUser, stored.Count);
        Assert.Equal(5, replies.Count(r => !r.IsError));
        Assert.All(replies.Where(r => r.IsError), r => Assert.StartsWith("You have 25 alerts, the most one person can have", r.Text[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_alert_removed_while_its_papers_are_being_sent_stays_removed()
    {
        var alerts = _storage.Get<IAlertStore>();
        var alert = (await alerts.TryAddAsync(new Alert { Platform = "discord", UserId = "U1", Query = "mamba" }, AlertLimits.MaxAlertsPerUser))!;
        var keep = (await alerts.TryAddAsync(new Alert { Platform = "discord", UserId = "U1", Query = "vision" }, AlertLimits.MaxAlertsPerUser))!;
        // The user removes the alert from another thread while the worker's message to them is under way.
        var platform = new SendingPlatform(() => Task.Run(() => alerts.RemoveAsync(alert.Id)));
        var service = DeliveryService(platform);
        await service.RunAsync(CancellationToken.None); // the cursor starts at the newest paper
        await _storage.Store.UpsertAsync([TestPapers.Arxiv("2611.00001", "Mamba for vision")]);

        await service.RunAsync(CancellationToken.None);

        Assert.Equal(1, platform.Sent);
        var left = Assert.Single(await alerts.ListForUserAsync("discord", "U1"));
        Assert.Equal((keep.Id, 1), (left.Id, left.Matches));
        Assert.DoesNotContain(await alerts.ListActiveAsync(), a => a.Id == alert.Id);
    }

    [Fact]
    public async Task Removes_racing_match_counts_and_pauses_on_many_threads_leave_every_removed_alert_removed()
    {
        var alerts = _storage.Get<IAlertStore>();
        for (var round = 0; round < 30; round++)
        {
            var alert = (await alerts.TryAddAsync(new Alert { Platform = "discord", UserId = $"U{round}", Query = "mamba" }, AlertLimits.MaxAlertsPerUser))!;
            using var go = new ManualResetEventSlim();
            var work = new List<Task>
            {
                Task.Run(async () => { go.Wait(); await alerts.RemoveAsync(alert.Id); }),
            };
            for (var i = 0; i < 8; i++)
            {
                var pause = i % 2 == 0;
                work.Add(Task.Run(async () =>
                {
                    go.Wait();
                    await alerts.UpdateAsync([alert.Id], a => pause ? a with { PausedReason = "paused by you" } : a with { Matches = a.Matches + 1 });
                }));
            }

            go.Set();
            await Task.WhenAll(work);

            Assert.Empty(await alerts.ListForUserAsync("discord", $"U{round}"));
        }
    }

    private static CommandRequest Add(string query) =>
        TextCommandParser.Parse("/alerts add " + query) with { Caller = new Caller("slack", new ChatUser("U1", "ada")) { ChannelId = "C1" } };

    private AlertDeliveryService DeliveryService(IChatPlatform platform)
    {
        return TestAlertDelivery.Create(
            _storage.Store,
            _storage.Get<IAlertStore>(),
            _storage.Get<IDeliveryLog>(),
            _storage.Get<IStateStore>(),
            _storage.AlertMatcher,
            new ChatPlatforms([platform]),
            _storage.Get<ChatBotMetrics>(),
            TimeProvider.System);
    }

    /// <summary>A platform whose direct messages wait for <paramref name="meanwhile"/> before they count as sent.</summary>
    private sealed class SendingPlatform(Func<Task> meanwhile) : IChatPlatform
    {
        public int Sent { get; private set; }

        public string Name => "discord";

        public async Task<PostedMessage> SendDirectMessageAsync(string userId, Reply message, CancellationToken cancellationToken)
        {
            await meanwhile();
            Sent++;
            return new PostedMessage("dm:" + userId, "m" + Sent);
        }

        public Task<PostedMessage> PostMessageAsync(string channelId, Reply message, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ThreadRef> StartThreadAsync(string channelId, Reply parent, string title, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PostedMessage> ReplyInThreadAsync(ThreadRef thread, Reply message, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
