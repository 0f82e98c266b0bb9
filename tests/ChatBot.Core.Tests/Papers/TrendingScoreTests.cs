using ChatBot.Core.Papers;
using ChatBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Tests.Papers;

public sealed class TrendingScoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly TrendingOptions Defaults = new();

    /// <summary>A paper listed <paramref name="ageHours"/> ago whose upvotes reached each count at each hour ago.</summary>
    private static Paper Paper(string arxivId, double ageHours, params (double HoursAgo, int Upvotes)[] history)
    {
        var snapshots = history.Select(h => new UpvoteSnapshot(Now.AddHours(-h.HoursAgo), h.Upvotes)).ToList();
        return TestPapers.Arxiv(arxivId, "Paper " + arxivId, snapshots.Count > 0 ? snapshots[^1].Upvotes : null) with
        {
            ListedAt = Now.AddHours(-ageHours),
            FirstSeen = snapshots.Count > 0 ? snapshots[0].At : Now.AddHours(-ageHours),
            UpvoteHistory = snapshots,
        };
    }

    [Fact]
    public void A_fresh_paper_gaining_upvotes_outranks_an_old_paper_with_many()
    {
        var fresh = Paper("2603.00001", 20, (20, 5), (10, 30), (1, 60));
        var old = Paper("2602.00001", 24 * 7, (24 * 7, 100), (24 * 5, 900), (24 * 3, 1200));

        var ranked = TrendingScore.Rank([old, fresh], Now, Defaults, top: 10);

        Assert.Equal([fresh.Id, old.Id], ranked.Select(r => r.Paper.Id));
    }

    [Fact]
    public void The_score_is_the_documented_formula()
    {
        var paper = Paper("2603.00001", 10, (30, 100), (5, 140));

        var result = TrendingScore.Compute(paper, Now, Defaults);

        // (140 + 2 × 40) / (10 h + 2 h) ^ 1.8
        Assert.Equal(220 / Math.Pow(12, 1.8), result.Score, precision: 12);
        Assert.Equal(40, result.GainedInWindow);
        Assert.Equal(TimeSpan.FromHours(24), result.Window);
    }

    [Fact]
    public void Higher_gravity_penalises_age_more()
    {
        var young = Paper("2603.00001", 6, (6, 40));
        var old = Paper("2603.00002", 24 * 4, (24 * 4, 300));
        var gentle = new TrendingOptions { Gravity = 0.5 };
        var steep = new TrendingOptions { Gravity = 2.5 };

        Assert.Equal(old.Id, TrendingScore.Rank([young, old], Now, gentle, 1)[0].Paper.Id);
        Assert.Equal(young.Id, TrendingScore.Rank([young, old], Now, steep, 1)[0].Paper.Id);
        var ratioGentle = TrendingScore.Compute(old, Now, gentle).Score / TrendingScore.Compute(young, Now, gentle).Score;
        var ratioSteep = TrendingScore.Compute(old, Now, steep).Score / TrendingScore.Compute(young, Now, steep).Score;
        Assert.True(ratioSteep < ratioGentle);
    }

    [Fact]
    public void Velocity_counts_from_the_last_snapshot_at_or_before_the_window_start()
    {
        // 100 upvotes since 30 h ago (unchanged at the window start, 24 h ago), then 150 and 180 inside the window.
        var paper = Paper("2603.00001", 48, (48, 10), (30, 100), (12, 150), (2, 180));

        var result = TrendingScore.Compute(paper, Now, Defaults);

        Assert.Equal(80, result.GainedInWindow);
        Assert.Equal(TimeSpan.FromHours(24), result.Window);
    }

    [Fact]
    public void A_snapshot_exactly_at_the_window_start_is_the_baseline()
    {
        var paper = Paper("2603.00001", 48, (48, 10), (24, 100), (2, 180));

        Assert.Equal(80, TrendingScore.Compute(paper, Now, Defaults).GainedInWindow);
    }

    [Fact]
    public void Upvotes_gained_before_the_window_do_not_count_as_velocity()
    {
        var paper = Paper("2603.00001", 72, (72, 1), (50, 500));

        var result = TrendingScore.Compute(paper, Now, Defaults);

        Assert.Equal(0, result.GainedInWindow);
        Assert.Equal("500 upvotes · 3 days old", result.Explanation);
    }

    [Fact]
    public void A_shorter_window_sees_fewer_of_the_same_upvotes()
    {
        var paper = Paper("2603.00001", 30, (30, 10), (10, 50), (3, 90));

        Assert.Equal(80, TrendingScore.Compute(paper, Now, Defaults).GainedInWindow);
        Assert.Equal(40, TrendingScore.Compute(paper, Now, new TrendingOptions { VelocityWindow = TimeSpan.FromHours(6) }).GainedInWindow);
    }

    [Fact]
    public void A_paper_first_seen_inside_the_window_counts_from_its_first_snapshot_and_is_new()
    {
        var paper = Paper("2603.00001", 5, (5, 50), (1, 60));

        var result = TrendingScore.Compute(paper, Now, Defaults);

        Assert.Equal(10, result.GainedInWindow);
        Assert.Equal(TimeSpan.FromHours(5), result.Window);
        Assert.Equal("new · +10 upvotes in the last 5 h · 60 total · 5 h old", result.Explanation);
    }

    [Fact]
    public void Snapshots_after_now_are_ignored()
    {
        var paper = Paper("2603.00001", 48, (48, 10), (30, 100)) with
        {
            UpvoteHistory = [new(Now.AddHours(-30), 100), new(Now.AddHours(5), 90)],
            Upvotes = 100,
        };

        Assert.Equal(0, TrendingScore.Compute(paper, Now, Defaults).GainedInWindow);
    }

    [Theory]
    [InlineData(30, "+40 upvotes in the last 24 h · 210 total · 1 day old")]
    [InlineData(20, "+40 upvotes in the last 24 h · 210 total · 20 h old")]
    [InlineData(0.5, "+40 upvotes in the last 24 h · 210 total · under an hour old")]
    [InlineData(24 * 12, "+40 upvotes in the last 24 h · 210 total · 12 days old")]
    public void The_explanation_says_what_was_gained_the_total_and_the_age(double ageHours, string expected)
    {
        var paper = Paper("2603.00001", ageHours, (40, 170), (6, 210));

        Assert.Equal(expected, TrendingScore.Compute(paper, Now, Defaults).Explanation);
    }

    [Fact]
    public void The_explanation_counts_one_upvote_in_the_singular_and_long_windows_in_days()
    {
        var paper = Paper("2603.00001", 24 * 10, (24 * 10, 1), (24, 2));
        var week = new TrendingOptions { VelocityWindow = TimeSpan.FromDays(7) };

        Assert.Equal("+1 upvote in the last 7 days · 2 total · 10 days old", TrendingScore.Compute(paper, Now, week).Explanation);
    }

    [Fact]
    public void Unknown_upvotes_count_as_zero()
    {
        var paper = Paper("2603.00001", 3) with { Upvotes = null };

        var result = TrendingScore.Compute(paper, Now, Defaults);

        Assert.Equal(0, result.Score);
        Assert.Equal(0, result.GainedInWindow);
        Assert.Equal("new · 0 upvotes · 3 h old", result.Explanation);
    }

    [Fact]
    public void A_paper_fresh_in_the_future_is_treated_as_just_out()
    {
        var paper = Paper("2603.00001", -5, (1, 10));

        var result = TrendingScore.Compute(paper, Now, Defaults);

        Assert.Equal(10 / Math.Pow(2, 1.8), result.Score, precision: 12);
        Assert.EndsWith("under an hour old", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Ties_go_to_more_upvotes_then_to_the_lower_id()
    {
        // Three papers scoring 0; and two of the same age scoring 30 points each: 30 + 2 × 0 and 20 + 2 × 5.
        var b = Paper("2603.00002", 10);
        var a = Paper("2603.00001", 10);
        var c = Paper("2603.00003", 10);
        var many = Paper("2603.00009", 10, (30, 30));
        var fewButFast = Paper("2603.00008", 10, (30, 15), (5, 20));

        var ranked = TrendingScore.Rank([b, c, fewButFast, a, many], Now, Defaults, top: 5);

        Assert.Equal(TrendingScore.Compute(many, Now, Defaults).Score, TrendingScore.Compute(fewButFast, Now, Defaults).Score);
        Assert.Equal([many.Id, fewButFast.Id, a.Id, b.Id, c.Id], ranked.Select(r => r.Paper.Id));
    }

    [Fact]
    public void Withdrawn_papers_are_left_out_and_top_limits_the_count()
    {
        var withdrawn = Paper("2603.00001", 1, (1, 500)) with { Withdrawn = true };
        var papers = Enumerable.Range(2, 5).Select(i => Paper($"2603.0000{i}", 10, (10, i))).Append(withdrawn).ToList();

        var ranked = TrendingScore.Rank(papers, Now, Defaults, top: 3);

        Assert.Equal(3, ranked.Count);
        Assert.DoesNotContain(ranked, r => r.Paper.Withdrawn);
        Assert.Empty(TrendingScore.Rank([withdrawn], Now, Defaults, top: 3));
        Assert.Empty(TrendingScore.Rank(papers, Now, Defaults, top: 0));
    }

    [Fact]
    public void The_same_papers_and_now_give_the_same_ranking_in_any_input_order()
    {
        var papers = Enumerable.Range(1, 20)
            .Select(i => Paper($"2603.{i:00000}", i * 7 % 50, (i * 3 % 60 + 1, i * 11 % 40), (i % 5, i * 11 % 40 + i)))
            .ToList();

        var first = TrendingScore.Rank(papers, Now, Defaults, top: 20);
        var second = TrendingScore.Rank(papers.AsEnumerable().Reverse(), Now, Defaults, top: 20);

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_default_settings_are_bound_from_the_trending_section()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["Trending:Gravity"] = "1.5",
            ["Trending:VelocityWindow"] = "12:00:00",
        });

        var options = host.Services.GetRequiredService<IOptions<TrendingOptions>>().Value;

        Assert.Equal(1.5, options.Gravity);
        Assert.Equal(TimeSpan.FromHours(12), options.VelocityWindow);
        Assert.Equal(2.0, options.VelocityWeight);
        Assert.Equal(TimeSpan.FromHours(2), options.AgeOffset);
    }

    [Theory]
    [InlineData("Trending:Gravity", "0")]
    [InlineData("Trending:VelocityWindow", "00:10:00")]
    [InlineData("Trending:VelocityWeight", "-1")]
    [InlineData("Trending:AgeOffset", "00:00:00")]
    public async Task A_setting_out_of_range_stops_start_up_with_its_name(string key, string value)
    {
        using var host = Build(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddChatBotCore();
        return builder.Build();
    }
}
