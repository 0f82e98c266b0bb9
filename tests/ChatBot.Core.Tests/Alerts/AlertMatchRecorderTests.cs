using ChatBot.Core.Alerts;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Alerts;

/// <summary>Matching new papers against alerts and recording what each user is owed.</summary>
public sealed class AlertMatchRecorderTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPaperStore _papers;
    private readonly InMemoryAlertStore _alerts = new();
    private readonly InMemoryDeliveryLog _log = new();
    private readonly InMemoryStateStore _state = new();
    private readonly RecordingLogger<AlertMatchRecorder> _logger = new();
    private readonly AlertMatchRecorder _recorder;
    private int _next;

    public AlertMatchRecorderTests()
    {
        _papers = new InMemoryPaperStore(_clock);
        _recorder = new AlertMatchRecorder(_papers, _alerts, _log, new AlertCursor(_state, _papers), new TitleWordAlertMatcher(), _clock, _logger);
    }

    [Fact]
    public async Task The_first_run_starts_at_the_newest_paper_and_records_nothing()
    {
        await AddAlertAsync("U1", "mamba");
        await AddPapersAsync("Mamba one", "Mamba two");

        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        Assert.Empty(_log.All);
        Assert.Equal("2", await _state.GetAsync(AlertCursor.Key));
    }

    [Fact]
    public async Task A_paper_is_one_pending_delivery_per_user_naming_each_of_their_alerts_that_matched()
    {
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        await AddAlertAsync("U1", "mamba");
        await AddAlertAsync("U1", "vision");
        await AddAlertAsync("U2", "vision");
        await AddPapersAsync("Mamba for vision", "Graphs");

        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        Assert.Equal(
            ["U1 1,2 Pending", "U2 3 Pending"],
            _log.All.Select(d => $"{d.UserId} {string.Join(',', d.AlertIds)} {d.State}").Order(StringComparer.Ordinal));
        Assert.Equal("2", await _state.GetAsync(AlertCursor.Key));
    }

    [Fact]
    public async Task Paused_alerts_withdrawn_papers_and_papers_already_past_the_cursor_are_not_matched()
    {
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        var paused = await AddAlertAsync("U1", "mamba");
        await _alerts.UpdateAsync([paused.Id], a => a with { PausedReason = "paused by you" });
        await AddAlertAsync("U2", "mamba");
        await AddPapersAsync("Mamba one");
        await _papers.UpsertAsync([TestPapers.Arxiv($"2611.{++_next:00000}", "Mamba withdrawn") with { Withdrawn = true }]);

        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        var delivery = Assert.Single(_log.All);
        Assert.Equal(("U2", "Mamba one"), (delivery.UserId, _papers.All.Single(p => p.Id == delivery.PaperId).Title));
    }

    [Fact]
    public async Task An_alert_whose_query_no_longer_parses_is_skipped_with_a_warning_and_the_others_still_match()
    {
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        var broken = await AddAlertAsync("U1", "autor:lecun");
        await AddAlertAsync("U2", "mamba");
        await AddPapersAsync("Mamba one");

        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        Assert.Equal("U2", Assert.Single(_log.All).UserId);
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 1503 && e.Message.Contains($"alert {broken.Id} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Alerts_of_the_same_text_each_match_and_each_unreadable_one_is_named_in_a_warning()
    {
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        var broken = await AddAlertAsync("U1", "autor:lecun");
        var brokenToo = await AddAlertAsync("U2", "autor:lecun");
        await AddAlertAsync("U1", "mamba");
        await AddAlertAsync("U2", "mamba");
        await AddAlertAsync("U3", "mamba");
        await AddPapersAsync("Mamba one");

        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        Assert.Equal(["U1 3", "U2 4", "U3 5"], _log.All.Select(d => $"{d.UserId} {string.Join(',', d.AlertIds)}").Order(StringComparer.Ordinal));
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 1503 && e.Message.Contains($"alert {broken.Id} ", StringComparison.Ordinal));
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 1503 && e.Message.Contains($"alert {brokenToo.Id} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task More_new_papers_than_a_batch_are_matched_batch_by_batch_to_the_end()
    {
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        await AddAlertAsync("U1", "mamba");
        await AddPapersAsync([.. Enumerable.Range(1, AlertMatchRecorder.BatchSize + 5).Select(i => $"Mamba {i}")]);

        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        Assert.Equal(AlertMatchRecorder.BatchSize + 5, _log.All.Count);
        Assert.Equal(2, _logger.Entries.Count(e => e.EventId.Id == 1500));
    }

    [Fact]
    public async Task A_batch_with_more_deliveries_than_one_log_write_records_them_all()
    {
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        foreach (var user in Enumerable.Range(1, 11))
        {
            await AddAlertAsync($"U{user}", "mamba");
        }

        await AddAlertAsync("U1", "vision");
        await AddPapersAsync([.. Enumerable.Range(1, AlertMatchRecorder.BatchSize).Select(i => $"Mamba vision {i}")]);

        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        // 11 users x 1,000 papers, over the 10,000 deliveries of one write; U1's two alerts make one delivery a paper.
        Assert.Equal(11 * AlertMatchRecorder.BatchSize, _log.All.Count);
        Assert.Equal(11 * AlertMatchRecorder.BatchSize, _log.All.Select(d => (d.UserId, d.PaperId)).Distinct().Count());
        Assert.All(_log.All.Where(d => d.UserId == "U1"), d => Assert.Equal(["1", "12"], d.AlertIds));
        Assert.Contains(_logger.Entries, e => e.EventId.Id == 1500 && e.Message.EndsWith("; 11000 deliveries recorded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_batch_matched_again_because_the_cursor_did_not_move_records_nothing_twice()
    {
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        await AddAlertAsync("U1", "mamba");
        await AddPapersAsync("Mamba one", "Mamba two");
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        await _state.SetAsync(AlertCursor.Key, "0"); // as if the process died before the cursor moved
        await AddPapersAsync("Mamba three");

        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        Assert.Equal(["Mamba one", "Mamba three", "Mamba two"], _log.All.Select(d => _papers.All.Single(p => p.Id == d.PaperId).Title).Order(StringComparer.Ordinal));
        Assert.Equal("3", await _state.GetAsync(AlertCursor.Key));
    }

    private async Task<Alert> AddAlertAsync(string user, string query) =>
        await _alerts.TryAddAsync(new Alert { Platform = "discord", UserId = user, Query = query, CreatedAt = _clock.GetUtcNow() }, int.MaxValue)
            ?? throw new InvalidOperationException("no room for the alert");

    private Task<ChatBot.Core.Storage.UpsertSummary> AddPapersAsync(params string[] titles) =>
        _papers.UpsertAsync([.. titles.Select(t => TestPapers.Arxiv($"2611.{++_next:00000}", t))]);
}
