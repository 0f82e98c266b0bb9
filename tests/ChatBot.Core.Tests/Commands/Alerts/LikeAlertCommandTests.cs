using ChatBot.Core.Alerts;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Commands.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Semantic;
using ChatBot.Core.Tests.DailyThreads;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Commands.Alerts;

/// <summary>
/// <c>/alerts add like:&lt;paper&gt;</c> and how <c>/alerts list</c> shows it: the paper found by id, URL or title, a
/// preview of the last 7 days by meaning, the same per-user limit, and a short refusal when meaning is unavailable.
/// </summary>
public sealed class LikeAlertCommandTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryAlertStore _alerts = new();
    private readonly InMemoryPaperStore _papers;
    private readonly InMemoryPaperVectorStore _vectors = new();
    private readonly FakeTextEmbedder _embedder = new();
    private readonly CommandRouter _router;

    public LikeAlertCommandTests()
    {
        _papers = new InMemoryPaperStore(_clock);
        var index = new FilterOnlySearchIndex(null);
        var likes = new LikeAlertAdder(_alerts, _papers, index, new SemanticSearch(_embedder, _vectors), _embedder, Options.Create(new AlertOptions()), _clock);
        _router = new CommandRouter(
            [new AlertsAddCommand(_alerts, index, _papers, _clock, likes), new AlertsListCommand(_alerts, _papers)],
            TestMetrics.Unobserved,
            NullLogger<CommandRouter>.Instance);
    }

    public void Dispose() => _vectors.Dispose();

    [Fact]
    public async Task A_like_alert_by_hugging_face_url_names_its_paper_and_previews_the_close_papers_of_the_week()
    {
        await _papers.UpsertAsync([
            TestPapers.Arxiv("2106.04554", "Selective state space models for long sequences"),
            TestPapers.Arxiv("2611.00001", "Selective state space models for long audio sequences"),
            TestPapers.Arxiv("2611.00002", "Protein folding with quantum annealing"),
        ]);
        await EmbedAllAsync();

        var reply = await Run("U1", "add like:https://huggingface.co/papers/2106.04554");

        Assert.False(reply.IsError, string.Join(' ', reply.Text));
        Assert.Equal("Alert 1 added: papers like \u201cSelective state space models for long sequences\u201d", reply.Title);
        Assert.Equal("It would have matched 1 paper of the last 7 days:", reply.Text[1]);
        Assert.Equal(PaperId.FromArxiv("2611.00001"), Assert.Single(reply.Papers).Paper.Id);
        var stored = Assert.Single(await _alerts.ListForUserAsync("slack", "U1"));
        Assert.Equal((PaperId.FromArxiv("2106.04554"), "like:2106.04554"), (stored.Like!.Value, stored.Query));

        var list = await Run("U1", "list");
        Assert.StartsWith("1. papers like \u201cSelective state space models for long sequences\u201d (2106.04554) \u2014 since 2026-11-23", list.Text[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_like_alert_counts_against_the_same_limit_as_keyword_alerts()
    {
        await _papers.UpsertAsync([TestPapers.Arxiv("2106.04554", "Selective state space models for long sequences")]);
        await EmbedAllAsync();
        for (var i = 0; i < AlertLimits.MaxAlertsPerUser; i++)
        {
            await _alerts.TryAddAsync(new Alert { Platform = "slack", UserId = "U1", Query = $"word{i}", CreatedAt = _clock.GetUtcNow() }, AlertLimits.MaxAlertsPerUser);
        }

        var reply = await Run("U1", "add like:2106.04554");

        Assert.True(reply.IsError);
        Assert.Contains("You have 25 alerts", reply.Text[0], StringComparison.Ordinal);
        Assert.DoesNotContain(await _alerts.ListForUserAsync("slack", "U1"), a => a.Like is not null);
    }

    [Fact]
    public async Task A_like_alert_is_refused_saying_why_when_search_by_meaning_is_off_and_when_the_paper_is_unknown()
    {
        await _papers.UpsertAsync([TestPapers.Arxiv("2106.04554", "Selective state space models for long sequences")]);

        var unknown = await Run("U1", "add like:2401.99999");
        _embedder.Status = new EmbedderStatus(EmbedderState.Disabled, "turned off (Embeddings:Enabled is false)");
        var off = await Run("U1", "add like:2106.04554");

        Assert.True(unknown.IsError);
        Assert.Contains("No paper '2401.99999' is in the database", unknown.Text[0], StringComparison.Ordinal);
        Assert.True(off.IsError);
        Assert.Equal("Alerts by example compare papers by meaning, and search by meaning is turned off on this bot. Alert on words instead: /alerts add <words>.", off.Text[0]);
        Assert.Empty(await _alerts.ListActiveAsync());
    }

    [Theory]
    [InlineData("like:2106.04554", true, "2106.04554")]
    [InlineData("  LIKE: https://arxiv.org/abs/2106.04554 ", true, "https://arxiv.org/abs/2106.04554")]
    [InlineData("like:", true, "")]
    [InlineData("likely diffusion", false, "")]
    [InlineData("diffusion like:2106.04554", false, "")]
    public void Like_is_read_only_at_the_start_of_the_query(string text, bool isLike, string paper)
    {
        Assert.Equal(isLike, LikeReference.TryRead(text, out var read));
        Assert.Equal(paper, read);
    }

    private async Task EmbedAllAsync()
    {
        using var synchronizer = new PaperVectorSynchronizer(_papers, _vectors, _embedder, NullLogger<PaperVectorSynchronizer>.Instance);
        await synchronizer.CatchUpAsync(null, CancellationToken.None);
    }

    private Task<Reply> Run(string user, string line) =>
        _router.HandleAsync(
            TextCommandParser.Parse("/alerts " + line) with { Caller = new Caller("slack", new ChatUser(user)) { ChannelId = "C1" } },
            CancellationToken.None);
}
