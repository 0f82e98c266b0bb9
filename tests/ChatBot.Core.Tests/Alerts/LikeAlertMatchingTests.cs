using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Semantic;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Alerts;

/// <summary>
/// Alerts by example (<c>like:</c>) in alert matching: a new paper is matched once it has a vector, close ones are
/// recorded and unrelated ones are not, the batch waits for vectors (never skips a paper), at most for
/// <see cref="AlertOptions.LikeWait"/>, and a restart while waiting neither loses nor repeats a paper.
/// The embedder is <see cref="FakeTextEmbedder"/>: papers sharing most title words are close.
/// </summary>
public sealed class LikeAlertMatchingTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPaperStore _papers;
    private readonly InMemoryAlertStore _alerts = new();
    private readonly InMemoryDeliveryLog _log = new();
    private readonly InMemoryStateStore _state = new();
    private readonly InMemoryPaperVectorStore _vectors = new();
    private readonly FakeTextEmbedder _embedder = new();
    private readonly PaperVectorSynchronizer _synchronizer;
    private readonly RecordingLogger<LikeAlertMatcher> _likeLogger = new();
    private readonly AlertOptions _options = new() { LikeWait = TimeSpan.FromMinutes(15) };
    private AlertMatchRecorder _recorder;
    private int _next;

    public LikeAlertMatchingTests()
    {
        _papers = new InMemoryPaperStore(_clock);
        _synchronizer = new PaperVectorSynchronizer(_papers, _vectors, _embedder, NullLogger<PaperVectorSynchronizer>.Instance);
        _recorder = NewRecorder();
    }

    public void Dispose()
    {
        _synchronizer.Dispose();
        _vectors.Dispose();
    }

    [Fact]
    public async Task A_close_new_paper_is_recorded_once_it_has_a_vector_and_an_unrelated_one_never()
    {
        var source = await StartWithAsync("Mamba selective state space model for long sequences");
        var alert = await AddLikeAlertAsync("U1", source);
        await AddPapersAsync("Mamba selective state space model for long audio sequences", "Graph neural networks predict molecule toxicity");

        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        Assert.Empty(_log.All); // no vectors yet: the batch waits, the cursor stays
        Assert.Equal("1", await _state.GetAsync(AlertCursor.Key));

        await _synchronizer.CatchUpAsync(null, CancellationToken.None);
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        var delivery = Assert.Single(_log.All);
        Assert.Equal("Mamba selective state space model for long audio sequences", Title(delivery.PaperId));
        Assert.Equal([alert.Id], delivery.AlertIds);
        Assert.Equal("3", await _state.GetAsync(AlertCursor.Key));
    }

    [Fact]
    public async Task A_paper_matched_by_a_users_keyword_alert_and_like_alert_is_one_delivery_naming_both()
    {
        var source = await StartWithAsync("Mamba selective state space model for long sequences");
        var words = await AddAlertAsync("U1", "mamba");
        var like = await AddLikeAlertAsync("U1", source);
        var other = await AddAlertAsync("U2", "audio");
        await AddPapersAsync("Mamba selective state space model for long audio sequences");
        await _synchronizer.CatchUpAsync(null, CancellationToken.None);

        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        Assert.Equal(
            [$"U1 {words.Id},{like.Id}", $"U2 {other.Id}"],
            _log.All.Select(d => $"{d.UserId} {string.Join(',', d.AlertIds)}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Papers_before_the_first_one_without_a_vector_are_matched_and_the_rest_wait_for_theirs()
    {
        var source = await StartWithAsync("Mamba selective state space model for long sequences");
        await AddLikeAlertAsync("U1", source);
        await AddAlertAsync("U2", "mamba");
        await AddPapersAsync("Mamba selective state space model for long video sequences");
        await _synchronizer.CatchUpAsync(null, CancellationToken.None);
        await AddPapersAsync("Mamba selective state space model for long audio sequences");

        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        Assert.Equal(["U1 video", "U2 video"], Sent());
        Assert.Equal("2", await _state.GetAsync(AlertCursor.Key));
        Assert.Contains(_likeLogger.Entries, e => e.EventId.Id == 1520);

        await _synchronizer.CatchUpAsync(null, CancellationToken.None);
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        Assert.Equal(["U1 audio", "U1 video", "U2 audio", "U2 video"], Sent());
    }

    [Fact]
    public async Task A_paper_still_without_a_vector_after_the_wait_goes_to_keyword_alerts_only_and_the_log_says_so()
    {
        var source = await StartWithAsync("Mamba selective state space model for long sequences");
        await AddLikeAlertAsync("U1", source);
        await AddAlertAsync("U2", "mamba");
        await AddPapersAsync("Mamba selective state space model for long audio sequences");

        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(14));
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        Assert.Empty(_log.All);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        Assert.Equal(["U2 audio"], Sent());
        Assert.Contains(_likeLogger.Entries, e => e.EventId.Id == 1521 && e.Message.StartsWith("Alerts: 1 new papers", StringComparison.Ordinal));
        Assert.Equal("2", await _state.GetAsync(AlertCursor.Key));
    }

    [Fact]
    public async Task A_restart_while_papers_wait_for_vectors_loses_none_and_repeats_none()
    {
        var source = await StartWithAsync("Mamba selective state space model for long sequences");
        await AddLikeAlertAsync("U1", source);
        await AddPapersAsync("Mamba selective state space model for long audio sequences");
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        _recorder = NewRecorder(); // a new process: nothing kept but the stores
        await _synchronizer.CatchUpAsync(null, CancellationToken.None);
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        _recorder = NewRecorder();
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        Assert.Equal(["U1 audio"], Sent());
    }

    [Fact]
    public async Task With_search_by_meaning_off_nothing_waits_and_like_alerts_match_nothing_said_once()
    {
        var source = await StartWithAsync("Mamba selective state space model for long sequences");
        await AddLikeAlertAsync("U1", source);
        await AddAlertAsync("U2", "mamba");
        _embedder.Status = new EmbedderStatus(EmbedderState.Disabled, "turned off");
        await AddPapersAsync("Mamba selective state space model for long audio sequences");

        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        await AddPapersAsync("Mamba selective state space model for long video sequences");
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        Assert.Equal(["U2 audio", "U2 video"], Sent());
        Assert.Single(_likeLogger.Entries, e => e.EventId.Id == 1522);
    }

    [Fact]
    public async Task Without_like_alerts_papers_without_vectors_are_matched_at_once()
    {
        await StartWithAsync("Mamba selective state space model for long sequences");
        await AddAlertAsync("U2", "mamba");
        await AddPapersAsync("Mamba selective state space model for long audio sequences");

        await _recorder.RecordNewMatchesAsync(CancellationToken.None);

        Assert.Equal(["U2 audio"], Sent());
        Assert.Empty(_likeLogger.Entries);
    }

    private AlertMatchRecorder NewRecorder() => new(
        _papers,
        _alerts,
        _log,
        new AlertCursor(_state, _papers),
        new TitleWordAlertMatcher(),
        _clock,
        NullLogger<AlertMatchRecorder>.Instance,
        new LikeAlertMatcher(_papers, _vectors, _embedder, Options.Create(_options), _clock, _likeLogger));

    // The alert's paper, embedded, and the cursor started after it (alerts bring news).
    private async Task<PaperId> StartWithAsync(string title)
    {
        await AddPapersAsync(title);
        await _synchronizer.CatchUpAsync(null, CancellationToken.None);
        await _recorder.RecordNewMatchesAsync(CancellationToken.None);
        return _papers.All.Single(p => p.Title == title).Id;
    }

    private async Task<Alert> AddAlertAsync(string user, string query) =>
        await _alerts.TryAddAsync(new Alert { Platform = "discord", UserId = user, Query = query, CreatedAt = _clock.GetUtcNow() }, int.MaxValue)
            ?? throw new InvalidOperationException("no room for the alert");

    private async Task<Alert> AddLikeAlertAsync(string user, PaperId paper) =>
        await _alerts.TryAddAsync(new Alert { Platform = "discord", UserId = user, Query = "like:" + paper.Value, Like = paper, CreatedAt = _clock.GetUtcNow() }, int.MaxValue)
            ?? throw new InvalidOperationException("no room for the alert");

    private Task<ChatBot.Core.Storage.UpsertSummary> AddPapersAsync(params string[] titles) =>
        _papers.UpsertAsync([.. titles.Select(t => TestPapers.Arxiv($"2611.{++_next:00000}", t))]);

    private string Title(PaperId id) => _papers.All.Single(p => p.Id == id).Title;

    // Each delivery as "user last-title-word".
    private List<string> Sent() =>
        [.. _log.All.Select(d => $"{d.UserId} {Title(d.PaperId).Split(' ')[^2]}").Order(StringComparer.Ordinal)];
}
