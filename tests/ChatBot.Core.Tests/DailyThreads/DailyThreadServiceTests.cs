using ChatBot.Core.Chat;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Papers;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.DailyThreads;

/// <summary>The daily thread on a fake clock, a fake platform and an in-memory post log.</summary>
public sealed class DailyThreadServiceTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPaperStore _store;
    private readonly InMemoryPostLog _log = new();
    private readonly RecordingChatPlatform _discord = new("discord");
    private readonly DailyThreadOptions _options = new();
    private readonly TestMetrics _metrics = new();
    private InMemoryScheduleSource _schedules = new();
    private int _papers;

    public DailyThreadServiceTests() => _store = new InMemoryPaperStore(_clock);

    public void Dispose() => _metrics.Dispose();

    private static DailyThreadSchedule Berlin(string channel = "berlin", int top = 3) => new()
    {
        Platform = "discord",
        ChannelId = channel,
        LocalTime = new TimeOnly(9, 0),
        TimeZoneId = "Europe/Berlin",
        Top = top,
    };

    [Fact]
    public async Task A_thread_is_posted_once_at_the_local_time_on_both_sides_of_a_DST_change()
    {
        _schedules = new InMemoryScheduleSource(Berlin());
        await AddFreshPapersAsync(3);

        await RunAtAsync(Utc(3, 28, 7, 59));
        Assert.Empty(_discord.Sent);
        await RunAtAsync(Utc(3, 28, 8, 0));
        await RunAtAsync(Utc(3, 28, 8, 1));
        Assert.Single(_discord.Sent, m => m.Kind == SentKind.ThreadParent);

        await AddFreshPapersAsync(3);
        await RunAtAsync(Utc(3, 29, 6, 59)); // 08:59 CEST: the clocks went forward overnight
        Assert.Single(_discord.Sent, m => m.Kind == SentKind.ThreadParent);
        await RunAtAsync(Utc(3, 29, 7, 0));
        await RunAtAsync(Utc(3, 29, 7, 30));

        Assert.Equal(2, _discord.Sent.Count(m => m.Kind == SentKind.ThreadParent));
        Assert.Equal(6, _discord.Sent.Count(m => m.Kind == SentKind.ThreadReply));
    }

    [Fact]
    public async Task The_parent_then_one_reply_per_paper_go_into_one_thread()
    {
        _schedules = new InMemoryScheduleSource(Berlin());
        await AddFreshPapersAsync(3);

        await RunAtAsync(Utc(3, 28, 8, 0));

        var parent = Assert.Single(_discord.Sent, m => m.Kind == SentKind.ThreadParent);
        Assert.Equal("Trending papers \u2014 Sat 28 Mar", parent.Message.Title);
        var replies = _discord.Sent.Where(m => m.Kind == SentKind.ThreadReply).ToList();
        Assert.Equal(3, replies.Count);
        Assert.All(replies, r => Assert.Equal("thread-" + parent.MessageId, r.ThreadId));
        Assert.Equal([1, 2, 3], replies.Select(r => r.Message.Papers[0].Rank!.Value));
    }

    [Fact]
    public async Task Two_channels_in_different_zones_post_at_their_own_times()
    {
        var tokyo = Berlin("tokyo") with { TimeZoneId = "Asia/Tokyo" };
        _schedules = new InMemoryScheduleSource(Berlin(), tokyo);
        await AddFreshPapersAsync(3);

        await RunAtAsync(Utc(3, 28, 0, 0)); // 09:00 in Tokyo, 01:00 in Berlin

        Assert.Equal(["tokyo"], _discord.Sent.Where(m => m.Kind == SentKind.ThreadParent).Select(m => m.ChannelId));
        await RunAtAsync(Utc(3, 28, 8, 0));
        Assert.Equal(["tokyo", "berlin"], _discord.Sent.Where(m => m.Kind == SentKind.ThreadParent).Select(m => m.ChannelId));
    }

    [Fact]
    public async Task A_crash_after_the_parent_and_two_replies_resumes_with_the_third_reply_in_the_same_thread()
    {
        _schedules = new InMemoryScheduleSource(Berlin());
        await AddFreshPapersAsync(3);
        _discord.FailWith("berlin", () => new InvalidOperationException("process killed"), afterMessages: 3);

        await RunAtAsync(Utc(3, 28, 8, 0));
        _discord.Recover("berlin");
        await RunAtAsync(Utc(3, 28, 8, 1)); // a new service over the same post log: a restart

        var parents = _discord.Sent.Where(m => m.Kind == SentKind.ThreadParent).ToList();
        var replies = _discord.Sent.Where(m => m.Kind == SentKind.ThreadReply).ToList();
        Assert.Single(parents);
        Assert.Equal([1, 2, 3], replies.Select(r => r.Message.Papers[0].Rank!.Value));
        Assert.All(replies, r => Assert.Equal("thread-" + parents[0].MessageId, r.ThreadId));
    }

    [Fact]
    public async Task A_restart_after_the_post_posts_nothing()
    {
        _schedules = new InMemoryScheduleSource(Berlin());
        await AddFreshPapersAsync(3);
        await RunAtAsync(Utc(3, 28, 8, 0));
        var sent = _discord.Sent.Count;

        await RunAtAsync(Utc(3, 28, 9, 0));
        await RunAtAsync(Utc(3, 28, 23, 0));

        Assert.Equal(sent, _discord.Sent.Count);
    }

    [Fact]
    public async Task A_bot_down_at_the_time_posts_when_back_within_the_catch_up_window()
    {
        _schedules = new InMemoryScheduleSource(Berlin());
        await AddFreshPapersAsync(3);

        await RunAtAsync(Utc(3, 28, 13, 59)); // 14:59 local, 5 h 59 min late

        Assert.Single(_discord.Sent, m => m.Kind == SentKind.ThreadParent);
    }

    [Fact]
    public async Task A_bot_down_past_the_catch_up_window_skips_the_day_and_says_why()
    {
        _schedules = new InMemoryScheduleSource(Berlin());
        await AddFreshPapersAsync(3);

        await RunAtAsync(Utc(3, 28, 14, 1));

        Assert.Empty(_discord.Sent);
        var record = Assert.Single(_log.Records);
        Assert.Equal(DailyThreadState.Skipped, record.State);
        Assert.Contains("catch-up window", record.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Papers_posted_one_day_are_not_repeated_the_next()
    {
        _schedules = new InMemoryScheduleSource(Berlin(top: 2));
        await AddFreshPapersAsync(3);
        await RunAtAsync(Utc(3, 28, 8, 0));

        await RunAtAsync(Utc(3, 29, 7, 0));

        var perDay = _discord.Sent.Where(m => m.Kind == SentKind.ThreadReply).Select(m => m.Message.Papers[0].Paper.Id).ToList();
        Assert.Equal(3, perDay.Count); // two on the first day, the one left on the second
        Assert.Equal(perDay.Count, perDay.Distinct().Count());
    }

    [Fact]
    public async Task Nothing_qualifying_posts_nothing_or_a_quiet_note_when_configured()
    {
        _schedules = new InMemoryScheduleSource(Berlin());

        await RunAtAsync(Utc(3, 28, 8, 0));
        Assert.Empty(_discord.Sent);

        _options.PostQuietDayNote = true;
        await RunAtAsync(Utc(3, 29, 7, 0));
        Assert.Contains("quiet day", Assert.Single(_discord.Sent).Message.Text[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_channel_backs_off_without_holding_up_another()
    {
        _schedules = new InMemoryScheduleSource(Berlin("broken"), Berlin("fine"));
        await AddFreshPapersAsync(2);
        _discord.FailWith("broken", () => new ChatPlatformException("discord", "429", "rate limited", isPermanent: false));

        await RunAtAsync(Utc(3, 28, 8, 0));

        Assert.Equal(["fine"], _discord.Sent.Where(m => m.Kind == SentKind.ThreadParent).Select(m => m.ChannelId));
        var broken = _log.Records.Single(r => r.ScheduleId == "discord:broken");
        Assert.Equal((1, Utc(3, 28, 8, 1)), (broken.Failures, broken.RetryAt!.Value));

        _discord.Recover("broken");
        await RunAtAsync(Utc(3, 28, 8, 0, 30)); // before the retry time: nothing
        Assert.DoesNotContain(_discord.Sent, m => m.ChannelId == "broken");
        await RunAtAsync(Utc(3, 28, 8, 1));
        Assert.Contains(_discord.Sent, m => m.ChannelId == "broken" && m.Kind == SentKind.ThreadParent);
    }

    [Fact]
    public async Task Repeated_permanent_failures_pause_the_schedule_with_the_reason()
    {
        _schedules = new InMemoryScheduleSource(Berlin("deleted"));
        await AddFreshPapersAsync(2);
        _discord.FailWith("deleted", () => new ChatPlatformException("discord", "10003", "Unknown Channel", isPermanent: true));

        await RunAtAsync(Utc(3, 28, 8, 0));
        await RunAtAsync(Utc(3, 28, 8, 1));
        await RunAtAsync(Utc(3, 28, 8, 3));

        var schedule = Assert.Single(_schedules.Schedules);
        Assert.Contains("10003 Unknown Channel", schedule.PausedReason, StringComparison.Ordinal);
        Assert.Empty(_discord.Sent);
    }

    [Fact]
    public async Task Each_completed_thread_counts_as_sent_and_each_failed_attempt_as_failed()
    {
        using var posts = _metrics.Counter("daily_posts_total");
        var elsewhere = Berlin("elsewhere") with { Platform = "slack" }; // not configured in this test
        _schedules = new InMemoryScheduleSource(Berlin("broken"), Berlin("fine"), elsewhere);
        await AddFreshPapersAsync(2);
        _discord.FailWith("broken", () => new ChatPlatformException("discord", "429", "rate limited", isPermanent: false));

        await RunAtAsync(Utc(3, 28, 8, 0));
        // "broken" waits for its retry and "fine" is done; the unconfigured platform fails again on every run.
        await RunAtAsync(Utc(3, 28, 8, 0, 30));

        Assert.Equal(
            ["discord failed", "discord sent", "slack failed", "slack failed"],
            posts.GetMeasurementSnapshot().Select(m => $"{m.Tags["platform"]} {m.Tags["outcome"]}").Order(StringComparer.Ordinal));
    }

    private async Task RunAtAsync(DateTimeOffset now)
    {
        _clock.SetUtcNow(now);
        // A new service each time, over the same stores: every run could be a restarted process.
        var composer = new DailyThreadComposer(_store, new RecordingSearchIndex(), Options.Create(new TrendingOptions()), Options.Create(_options));
        var service = new DailyThreadService(_schedules, _log, composer, new ChatPlatforms([_discord]), _metrics.Metrics, _clock, Options.Create(_options), NullLogger<DailyThreadService>.Instance);
        await service.RunDueAsync(CancellationToken.None);
    }

    private async Task AddFreshPapersAsync(int count)
    {
        var now = _clock.GetUtcNow();
        var papers = Enumerable.Range(0, count).Select(_ =>
        {
            var n = ++_papers;
            return TestPapers.Arxiv($"2603.{n:00000}", $"Paper {n}", upvotes: 10 * n) with { ListedAt = now };
        });
        await _store.UpsertAsync([.. papers]);
    }

    private static DateTimeOffset Utc(int month, int day, int hour, int minute, int second = 0) => new(2026, month, day, hour, minute, second, TimeSpan.Zero);
}
