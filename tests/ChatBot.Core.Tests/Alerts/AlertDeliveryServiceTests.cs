using ChatBot.Core.Alerts;
using ChatBot.Core.Chat;
using ChatBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Alerts;

/// <summary>
/// Alert delivery end to end (matching, sending, composing) on in-memory stores and a word-in-title matcher; each
/// piece has its own tests beside these, and the Lucene matcher has its own.
/// </summary>
public sealed class AlertDeliveryServiceTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPaperStore _papers;
    private readonly InMemoryAlertStore _alerts = new();
    private readonly InMemoryDeliveryLog _log = new();
    private readonly InMemoryStateStore _state = new();
    private readonly RecordingChatPlatform _discord = new("discord");
    private readonly TestMetrics _metrics = new();
    private readonly RecordingLoggerProvider _logs = new();
    private readonly LoggerFactory _loggers;
    private AlertDeliveryService? _service;
    private int _next;

    public AlertDeliveryServiceTests()
    {
        _papers = new InMemoryPaperStore(_clock);
        _loggers = new LoggerFactory([_logs]);
    }

    private IEnumerable<LogEntry> Logged => _logs.Entries.Select(e => e.Entry);

    public void Dispose()
    {
        _loggers.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public async Task Each_user_gets_one_message_per_batch_with_the_papers_their_alerts_matched()
    {
        await StartAsync();
        await AddAlertAsync("U1", "mamba");
        await AddAlertAsync("U1", "diffusion");
        await AddAlertAsync("U2", "diffusion");
        await AddPapersAsync("Mamba for vision", "Diffusion at scale", "Unrelated graphs");

        await RunAsync();

        var u1 = Assert.Single(_discord.Sent, m => m.ChannelId == "dm:U1");
        var u2 = Assert.Single(_discord.Sent, m => m.ChannelId == "dm:U2");
        Assert.Equal(["Mamba for vision", "Diffusion at scale"], u1.Message.Papers.Select(c => c.Paper.Title).Order().Reverse());
        Assert.Equal(["Diffusion at scale"], u2.Message.Papers.Select(c => c.Paper.Title));
        Assert.Contains("alert 2 \u201cdiffusion\u201d", u1.Message.Papers.Single(c => c.Paper.Title.StartsWith("Diff", StringComparison.Ordinal)).Context, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paper_matching_three_alerts_of_one_user_arrives_once()
    {
        await StartAsync();
        await AddAlertAsync("U1", "mamba");
        await AddAlertAsync("U1", "vision");
        await AddAlertAsync("U1", "state");
        await AddPapersAsync("Mamba state space models for vision");

        await RunAsync();
        await RunAsync();

        var message = Assert.Single(_discord.Sent);
        var card = Assert.Single(message.Message.Papers);
        Assert.Contains("alert 1", card.Context, StringComparison.Ordinal);
        Assert.Contains("alert 3", card.Context, StringComparison.Ordinal);
        Assert.Equal([1, 1, 1], (await _alerts.ListForUserAsync("discord", "U1")).Select(a => a.Matches));
    }

    [Fact]
    public async Task Papers_stored_before_the_first_run_are_not_sent_only_newer_ones()
    {
        await AddAlertAsync("U1", "mamba");
        await AddPapersAsync("Old mamba paper");
        await RunAsync(); // first run: the cursor starts at the newest paper
        await AddPapersAsync("New mamba paper");

        await RunAsync();

        Assert.Equal(["New mamba paper"], _discord.Sent.SelectMany(m => m.Message.Papers).Select(c => c.Paper.Title));
    }

    [Fact]
    public async Task An_unexpected_failure_while_sending_leaves_the_papers_recorded_and_sends_them_once_later()
    {
        await StartAsync();
        await AddAlertAsync("U1", "mamba");
        await AddPapersAsync("Mamba one");
        _discord.FailWith("dm:U1", () => new InvalidOperationException("connection reset by a proxy"));

        await RunAsync();
        Assert.Equal(DeliveryState.Pending, Assert.Single(_log.All).State);
        Assert.Equal("1", await _state.GetAsync(AlertCursor.Key)); // the batch was recorded, the cursor moved
        Assert.Contains(Logged, e => e.EventId.Id == 1505 && e.Exception is InvalidOperationException);
        _discord.Recover("dm:U1");
        await RunAsync();
        await RunAsync();

        Assert.Single(_discord.Sent);
        Assert.Equal(DeliveryState.Sent, Assert.Single(_log.All).State);
    }

    [Fact]
    public async Task A_user_whose_alerts_are_gone_with_more_than_a_message_waiting_does_not_stop_the_others()
    {
        await StartAsync();
        var mamba = await AddAlertAsync("U1", "mamba");
        await AddPapersAsync([.. Enumerable.Range(1, 13).Select(i => $"Mamba {i}")]);
        _discord.FailWith("dm:U1", () => new ChatPlatformException("discord", "500", "Internal Server Error", isPermanent: false));
        await RunAsync(); // 13 papers wait for U1, to be retried
        _discord.Recover("dm:U1");
        await _alerts.RemoveAsync(mamba.Id); // removed while they wait
        await AddAlertAsync("U2", "diffusion");
        await AddPapersAsync("Diffusion one");
        _clock.Advance(TimeSpan.FromMinutes(10));

        await RunAsync();

        Assert.Equal(["dm:U2"], _discord.Sent.Select(m => m.ChannelId));
        Assert.Equal(13, _log.All.Count(d => d is { UserId: "U1", State: DeliveryState.Dropped }));
        Assert.Equal(DeliveryState.Sent, Assert.Single(_log.All, d => d.UserId == "U2").State);
    }

    [Fact]
    public async Task A_stored_time_zone_no_longer_known_falls_back_to_UTC_with_one_warning_and_the_others_are_delivered()
    {
        await StartAsync();
        await AddAlertAsync("U1", "mamba");
        await AddAlertAsync("U2", "mamba");
        await ChooseDigestAsync("U1", new AlertDigest(true, new TimeOnly(8, 0), "Mars/Olympus_Mons")); // stored when some machine knew it
        await AddPapersAsync("Mamba one");

        await RunAsync(); // 10:00 UTC: past 08:00 UTC
        await AddPapersAsync("Mamba two");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await RunAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await RunAsync();

        Assert.Equal(["Mamba one"], Assert.Single(_discord.Sent, m => m.ChannelId == "dm:U1").Message.Papers.Select(c => c.Paper.Title));
        Assert.Equal(2, _discord.Sent.Count(m => m.ChannelId == "dm:U2"));
        var warning = Assert.Single(Logged, e => e.EventId.Id == 1506);
        Assert.Contains("'Mars/Olympus_Mons' is not known", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_who_cannot_be_messaged_is_retried_then_their_alerts_are_paused_with_the_reason()
    {
        await StartAsync();
        await AddAlertAsync("U1", "mamba");
        await AddPapersAsync("Mamba one");
        _discord.FailWith("dm:U1", () => new ChatPlatformException("discord", "50007", "Cannot send messages to this user", isPermanent: true) { IsUndeliverableToUser = true });

        await RunAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await RunAsync(); // before the retry time: no attempt
        Assert.Equal(1, Assert.Single(_log.All).Attempts);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await RunAsync();
        _clock.Advance(TimeSpan.FromMinutes(10));
        await RunAsync();

        Assert.Equal(DeliveryState.Abandoned, Assert.Single(_log.All).State);
        var alert = Assert.Single(await _alerts.ListForUserAsync("discord", "U1"));
        Assert.Contains("cannot send you direct messages (discord 50007)", alert.PausedReason, StringComparison.Ordinal);
        Assert.Empty(_discord.Sent);
    }

    [Fact]
    public async Task The_cursor_survives_a_restart_so_old_matches_are_not_matched_again()
    {
        await StartAsync();
        await AddAlertAsync("U1", "mamba");
        await AddPapersAsync("Mamba one");
        await RunAsync();
        var recorded = _log.All.Count;

        await AddAlertAsync("U2", "mamba"); // a new alert does not reach back to papers already past the cursor
        await RunAsync();

        Assert.Equal(recorded, _log.All.Count);
    }

    [Fact]
    public async Task More_papers_than_fit_one_message_are_counted_with_a_way_to_see_them()
    {
        await StartAsync();
        await AddAlertAsync("U1", "mamba");
        await AddPapersAsync([.. Enumerable.Range(1, 13).Select(i => $"Mamba {i}")]);

        await RunAsync();

        var message = Assert.Single(_discord.Sent).Message;
        Assert.Equal(10, message.Papers.Count);
        Assert.StartsWith("\u2026and 3 more: /papers search mamba", message.Footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_daily_digest_user_gets_one_message_at_their_local_time_with_everything_since()
    {
        await StartAsync();
        await AddAlertAsync("U1", "mamba");
        await ChooseDigestAsync("U1", AlertDigest.Parse("daily 18:00 Europe/Berlin"));
        await AddPapersAsync("Mamba one");
        await RunAsync(); // 11:00 in Berlin: not yet
        _clock.Advance(TimeSpan.FromHours(3));
        await AddPapersAsync("Mamba two");
        await RunAsync();
        Assert.Empty(_discord.Sent);

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero)); // 18:00 in Berlin
        await RunAsync();
        await AddPapersAsync("Mamba three");
        await RunAsync(); // the day's digest went out: the next waits for tomorrow

        var digest = Assert.Single(_discord.Sent);
        Assert.Equal(["Mamba one", "Mamba two"], digest.Message.Papers.Select(c => c.Paper.Title).Order(StringComparer.Ordinal));
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.Zero));
        await RunAsync();
        Assert.Equal(["Mamba three"], _discord.Sent[^1].Message.Papers.Select(c => c.Paper.Title));
    }

    [Fact]
    public async Task Sent_and_failed_messages_are_counted_and_the_deliveries_still_pending_are_reported()
    {
        await StartAsync();
        using var messages = _metrics.Counter("alert_messages_total");
        using var pending = _metrics.Gauge("alert_deliveries_pending");
        await AddAlertAsync("U1", "mamba");
        await AddAlertAsync("U2", "mamba");
        await AddPapersAsync("Mamba one", "Mamba two");
        _discord.FailWith("dm:U2", () => new ChatPlatformException("discord", "500", "Internal Server Error", isPermanent: false));

        await RunAsync();
        pending.RecordObservableInstruments();
        var afterFailure = pending.LastMeasurement!.Value;
        _discord.Recover("dm:U2");
        _clock.Advance(TimeSpan.FromMinutes(10));
        await RunAsync();
        pending.RecordObservableInstruments();

        Assert.Equal(2, afterFailure);
        Assert.Equal(0, pending.LastMeasurement!.Value);
        Assert.Equal(
            ["discord failed", "discord sent", "discord sent"],
            messages.GetMeasurementSnapshot().Select(m => $"{m.Tags["platform"]} {m.Tags["outcome"]}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("instant", "as they arrive")]
    [InlineData("daily", "once a day at 09:00 UTC")]
    [InlineData("daily 07:30 America/New_York", "once a day at 07:30 America/New_York")]
    public void Digest_choices_read_as_users_type_them(string text, string meaning)
    {
        Assert.Equal(meaning, AlertDigest.FromStored(AlertDigest.Parse(text).ToStored()).ToString());
    }

    [Fact]
    public void A_digest_choice_that_is_neither_instant_nor_daily_is_explained()
    {
        var error = Assert.Throws<ChatBotException>(() => AlertDigest.Parse("weekly"));

        Assert.Contains("daily 08:00 Europe/Berlin", error.Message, StringComparison.Ordinal);
    }

    // The first run sets the cursor at the newest paper; tests that add papers afterwards start here.
    private Task StartAsync() => RunAsync();

    // One service for the whole test, as the host has one for its lifetime.
    private async Task RunAsync()
    {
        if (_service is null)
        {
            _service = TestAlertDelivery.Create(_papers, _alerts, _log, _state, new TitleWordAlertMatcher(), new ChatPlatforms([_discord]), _metrics.Metrics, _clock, loggers: _loggers);
        }

        await _service.RunAsync(CancellationToken.None);
    }

    private async Task<Alert> AddAlertAsync(string user, string query) =>
        await _alerts.TryAddAsync(new Alert { Platform = "discord", UserId = user, Query = query, CreatedAt = _clock.GetUtcNow() }, int.MaxValue)
            ?? throw new InvalidOperationException("no room for the alert");

    private Task<AlertDeliverySettings> ChooseDigestAsync(string user, AlertDigest digest) =>
        _alerts.UpdateSettingsAsync("discord", user, s => s with { Digest = digest });

    private Task<ChatBot.Core.Storage.UpsertSummary> AddPapersAsync(params string[] titles) =>
        _papers.UpsertAsync([.. titles.Select(t => TestPapers.Arxiv($"2611.{++_next:00000}", t))]);
}
