using ChatBot.Core.Alerts;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Commands.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Semantic;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Commands.Alerts;

/// <summary>/alerts through the router: private answers, limits, and each user only ever touching their own alerts.</summary>
public sealed class AlertCommandTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryAlertStore _alerts = new();
    private readonly InMemoryDeliveryLog _deliveries = new();
    private readonly CommandRouter _router;

    public AlertCommandTests()
    {
        var papers = new InMemoryPaperStore(_clock);
        var index = new NothingFoundIndex();
        var embedder = new DisabledTextEmbedder();
        var likes = new LikeAlertAdder(
            _alerts, papers, index, new SemanticSearch(embedder, new InMemoryPaperVectorStore()), embedder, Options.Create(new AlertOptions()), _clock);
        _router = new CommandRouter(
            [
                new AlertsAddCommand(_alerts, index, papers, _clock, likes),
                new AlertsListCommand(_alerts, papers),
                new AlertsDigestCommand(_alerts),
                new AlertsRemoveCommand(_alerts, _deliveries),
                new AlertsPauseCommand(_alerts, resume: false),
                new AlertsPauseCommand(_alerts, resume: true),
            ],
            TestMetrics.Unobserved,
            NullLogger<CommandRouter>.Instance);
    }

    [Fact]
    public async Task Adding_an_alert_confirms_it_privately_with_its_id_and_a_preview()
    {
        var reply = await Run("U1", "add diffusion transformer -survey");

        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Equal("Alert 1 added: \u201cdiffusion transformer -survey\u201d", reply.Title);
        Assert.Contains("would not have matched any paper of the last 7 days", reply.Text[1], StringComparison.Ordinal);
        Assert.Equal("diffusion transformer -survey", Assert.Single(await _alerts.ListForUserAsync("slack", "U1")).Query);
    }

    [Fact]
    public async Task An_invalid_query_gets_the_parser_message_and_stores_nothing()
    {
        var reply = await Run("U1", "add autor:lecun");

        Assert.True(reply.IsError);
        Assert.Contains("did you mean 'author:'", reply.Text[0], StringComparison.Ordinal);
        Assert.Empty(await _alerts.ListActiveAsync());
    }

    [Fact]
    public async Task A_query_over_200_characters_and_a_26th_alert_are_refused_clearly()
    {
        var tooLong = await Run("U1", "add " + string.Join(' ', Enumerable.Repeat("word", 50)));
        for (var i = 0; i < AlertLimits.MaxAlertsPerUser; i++)
        {
            await Run("U1", $"add topic{i}");
        }

        var oneTooMany = await Run("U1", "add one more");

        Assert.Contains("the limit is 200", tooLong.Text[0], StringComparison.Ordinal);
        Assert.True(oneTooMany.IsError);
        Assert.Contains("You have 25 alerts, the most one person can have", oneTooMany.Text[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_alert_cannot_be_removed_paused_or_seen()
    {
        await Run("U1", "add mamba");

        var remove = await Run("U2", "remove 1");
        var pause = await Run("U2", "pause 1");
        var list = await Run("U2", "list");

        Assert.True(remove.IsError);
        Assert.Equal("You have no alert 1. /alerts list shows yours.", remove.Text[0]);
        Assert.True(pause.IsError);
        Assert.Contains("You have no alerts", list.Text[0], StringComparison.Ordinal);
        Assert.False(Assert.Single(await _alerts.ListActiveAsync()).IsPaused);
    }

    [Fact]
    public async Task Pause_and_resume_all_apply_to_the_callers_alerts_and_list_shows_the_state()
    {
        await Run("U1", "add mamba");
        await Run("U1", "add \"world model\"");
        await Run("U2", "add agents");

        await Run("U1", "pause all");
        var paused = await Run("U1", "list");
        await Run("U1", "resume 2");

        Assert.Contains("1. \u201cmamba\u201d \u2014 since 2026-11-23, 0 papers sent, paused: paused by you", paused.Text[0], StringComparison.Ordinal);
        Assert.Equal(["2", "3"], (await _alerts.ListActiveAsync()).Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Choosing_a_daily_digest_is_confirmed_privately_kept_per_user_and_shown_by_list()
    {
        await Run("U1", "add mamba");
        var chosen = await Run("U1", "digest daily 08:00 Europe/Berlin");
        var bad = await Run("U1", "digest daily 25:00");

        Assert.Equal(ReplyVisibility.Private, chosen.Visibility);
        Assert.Equal("Your alert papers will come once a day at 08:00 Europe/Berlin.", chosen.Text[0]);
        Assert.True(bad.IsError);
        Assert.Contains("25:00", bad.Text[0], StringComparison.Ordinal);
        Assert.StartsWith("Papers come once a day at 08:00 Europe/Berlin", (await Run("U1", "list")).Footer, StringComparison.Ordinal);
        await Run("U2", "add mamba");
        Assert.StartsWith("Papers come as they arrive", (await Run("U2", "list")).Footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_an_own_alert_deletes_it()
    {
        await Run("U1", "add mamba");

        var reply = await Run("U1", "remove 1");

        Assert.Equal("Alert 1 (\u201cmamba\u201d) removed.", reply.Text[0]);
        Assert.Empty(await _alerts.ListActiveAsync());
    }

    [Fact]
    public async Task Removing_the_last_alert_drops_the_papers_still_waiting_for_that_user_only()
    {
        await Run("U1", "add mamba");
        await Run("U1", "add agents");
        await _deliveries.RecordNewAsync([Waiting("U1", "2611.00001", "1"), Waiting("U1", "2611.00002", "2"), Waiting("U2", "2611.00001", "9")]);

        await Run("U1", "remove 1");
        var afterFirst = (await _deliveries.PendingAsync()).Count;
        await Run("U1", "remove 2");

        Assert.Equal(3, afterFirst); // U1 still has an alert: their papers still come
        var left = Assert.Single(await _deliveries.PendingAsync());
        Assert.Equal("U2", left.UserId);
        Assert.All(_deliveries.All.Where(d => d.UserId == "U1"), d => Assert.Equal(DeliveryState.Dropped, d.State));
    }

    private static Delivery Waiting(string user, string paper, string alertId) =>
        new() { Platform = "slack", UserId = user, PaperId = PaperId.Parse(paper), AlertIds = [alertId] };

    private Task<Reply> Run(string user, string line) =>
        _router.HandleAsync(
            TextCommandParser.Parse("/alerts " + line) with { Caller = new Caller("slack", new ChatUser(user)) { ChannelId = "C1" } },
            CancellationToken.None);

    private sealed class NothingFoundIndex : ISearchIndex
    {
        public Task IndexAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<SearchResults> SearchAsync(SearchQuery query, int offset, int limit, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Task.FromResult(SearchResults.None);

        public Task<SequenceSet?> FilterAsync(SearchQuery query, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Task.FromResult<SequenceSet?>(new SequenceSet());

        public Task<IReadOnlyList<SearchHit>> SimilarAsync(PaperId id, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<SearchHit>>([]);

        public Task<SearchIndexState> GetStateAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult(new SearchIndexState(0, 0, WasReset: false));

        public Task ClearAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
