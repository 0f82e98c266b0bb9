using ChatBot.Core.Papers;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Papers;

public sealed class PaperMergerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Lists_take_the_union_and_a_withdrawal_sticks()
    {
        var existing = PaperMerger.First(TestPapers.Arxiv("2501.00001", "One") with { Keywords = ["diffusion"], Withdrawn = true }, 1, Now);

        var merged = PaperMerger.Merge(existing, TestPapers.Arxiv("2501.00001", "One", source: PaperSources.Arxiv) with { Keywords = ["Diffusion", "cs.CV"] }, Now.AddHours(1));

        Assert.NotNull(merged);
        Assert.Equal(["diffusion", "cs.CV"], merged.Keywords);
        Assert.Equal([PaperSources.HuggingFace, PaperSources.Arxiv], merged.Sources);
        Assert.True(merged.Withdrawn);
        Assert.Equal(Now.AddHours(1), merged.LastUpdated);
        Assert.Equal(Now, merged.FirstSeen);
    }

    [Fact]
    public void The_same_content_again_is_no_change()
    {
        var existing = PaperMerger.First(TestPapers.Arxiv("2501.00001", "One", upvotes: 4), 1, Now);

        Assert.Null(PaperMerger.Merge(existing, TestPapers.Arxiv("2501.00001", "One", upvotes: 4), Now.AddHours(1)));
    }

    [Fact]
    public void Upvote_history_keeps_only_the_most_recent_snapshots()
    {
        var paper = PaperMerger.First(TestPapers.Arxiv("2501.00001", "One", upvotes: 0), 1, Now);

        for (var i = 1; i <= PaperMerger.MaxUpvoteSnapshots + 10; i++)
        {
            paper = PaperMerger.Merge(paper, TestPapers.Arxiv("2501.00001", "One", upvotes: i), Now.AddMinutes(i))!;
        }

        Assert.Equal(PaperMerger.MaxUpvoteSnapshots, paper.UpvoteHistory.Count);
        Assert.Equal(PaperMerger.MaxUpvoteSnapshots + 10, paper.UpvoteHistory[^1].Upvotes);
        Assert.Equal(11, paper.UpvoteHistory[0].Upvotes);
    }
}
