using ChatBot.Core.Commands;
using ChatBot.Core.Commands.Papers;
using ChatBot.Core.Papers;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Commands.Papers;

/// <summary>/papers trending on a store filled over a fake week, so upvote snapshots carry real times.</summary>
public sealed class TrendingCommandTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPaperStore _store;
    private readonly CommandRouter _router;

    public TrendingCommandTests()
    {
        _store = new InMemoryPaperStore(_clock);
        _router = new CommandRouter(
            [new TrendingCommand(_store, Options.Create(new TrendingOptions()), _clock)],
            TestMetrics.Unobserved,
            NullLogger<CommandRouter>.Instance);
    }

    [Fact]
    public async Task A_fresh_paper_gaining_upvotes_ranks_above_an_older_paper_with_more_and_says_why()
    {
        var start = _clock.GetUtcNow();
        await _store.UpsertAsync([Listed("2611.00001", "Old favourite", start.AddDays(-2), upvotes: 300)]);
        _clock.Advance(TimeSpan.FromDays(2));
        await _store.UpsertAsync([Listed("2611.00002", "Rising star", _clock.GetUtcNow().AddHours(-1), upvotes: 5)]);
        _clock.Advance(TimeSpan.FromHours(6));
        await _store.UpsertAsync([Listed("2611.00002", "Rising star", start.AddDays(2).AddHours(-1), upvotes: 45)]);

        var reply = await _router.HandleAsync(Trending("7"), CancellationToken.None);

        Assert.False(reply.IsError, string.Join('\n', reply.Text));
        Assert.Equal(["Rising star", "Old favourite"], reply.Papers.Select(c => c.Paper.Title));
        Assert.Contains("+40 upvotes", reply.Papers[0].Context, StringComparison.Ordinal);
        Assert.Equal("Trending papers of the last 7 days", reply.Title);
    }

    [Fact]
    public async Task Papers_older_than_the_window_are_left_out()
    {
        await _store.UpsertAsync([Listed("2611.00001", "Last week", _clock.GetUtcNow().AddDays(-8), upvotes: 500)]);
        await _store.UpsertAsync([Listed("2611.00002", "Yesterday", _clock.GetUtcNow().AddDays(-1), upvotes: 3)]);

        var reply = await _router.HandleAsync(Trending("7"), CancellationToken.None);

        Assert.Equal(["Yesterday"], reply.Papers.Select(c => c.Paper.Title));
    }

    [Fact]
    public async Task An_empty_window_suggests_a_longer_one_privately()
    {
        var reply = await _router.HandleAsync(Trending("1"), CancellationToken.None);

        Assert.Empty(reply.Papers);
        Assert.Equal(ReplyVisibility.Private, reply.Visibility);
        Assert.Contains("/papers trending 7", reply.Text[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_limit_caps_the_list()
    {
        await _store.UpsertAsync([.. Enumerable.Range(1, 8).Select(i => Listed($"2611.{i:00000}", $"P{i}", _clock.GetUtcNow().AddHours(-i), upvotes: i))]);

        var reply = await _router.HandleAsync(new CommandRequest("papers", "trending", new Dictionary<string, string> { ["limit"] = "3" }), CancellationToken.None);

        Assert.Equal(3, reply.Papers.Count);
        Assert.Equal([1, 2, 3], reply.Papers.Select(c => c.Rank!.Value));
    }

    private static CommandRequest Trending(string days) =>
        new("papers", "trending", new Dictionary<string, string> { ["days"] = days });

    private static Paper Listed(string id, string title, DateTimeOffset listedAt, int upvotes) =>
        TestPapers.Arxiv(id, title, upvotes) with { ListedAt = listedAt, PublishedAt = listedAt };
}
