using ChatBot.Core.Papers;
using ChatBot.Core.Search;

namespace ChatBot.Core.Tests.Search;

public sealed class ReciprocalRankFusionTests
{
    private static SearchHit Hit(string arxivId, float score = 1f) => new(PaperId.FromArxiv(arxivId), score);

    private static string[] Ids(IEnumerable<SearchHit> hits) => [.. hits.Select(h => h.Id.ToString())];

    [Fact]
    public void A_paper_in_both_rankings_beats_papers_first_in_only_one()
    {
        // 1/61 + 1/62 for the shared paper against 1/61 for each leader alone.
        var keyword = new[] { Hit("2401.00001"), Hit("2401.00003") };
        var semantic = new[] { Hit("2401.00002"), Hit("2401.00003") };

        var fused = ReciprocalRankFusion.Fuse(keyword, semantic);

        Assert.Equal(PaperId.FromArxiv("2401.00003"), fused[0].Id);
        Assert.Equal(1.0 / 62 + 1.0 / 62, fused[0].Score, 6);
        Assert.Equal(3, fused.Count);
    }

    [Fact]
    public void Scores_use_ranks_not_the_engines_scores()
    {
        var keyword = new[] { Hit("2401.00001", 40f), Hit("2401.00002", 0.1f) };
        var semantic = new[] { Hit("2401.00002", 0.2f), Hit("2401.00001", 0.19f) };

        var fused = ReciprocalRankFusion.Fuse(keyword, semantic);

        Assert.Equal(fused[0].Score, fused[1].Score);
    }

    [Fact]
    public void Ties_keep_the_order_of_first_appearance()
    {
        var keyword = new[] { Hit("2401.00001"), Hit("2401.00002") };
        var semantic = new[] { Hit("2401.00003"), Hit("2401.00004") };

        var fused = ReciprocalRankFusion.Fuse(keyword, semantic);

        Assert.Equal(
            [PaperId.FromArxiv("2401.00001").ToString(), PaperId.FromArxiv("2401.00003").ToString(),
             PaperId.FromArxiv("2401.00002").ToString(), PaperId.FromArxiv("2401.00004").ToString()],
            Ids(fused));
    }

    [Fact]
    public void One_empty_ranking_leaves_the_other_in_its_order()
    {
        var keyword = new[] { Hit("2401.00002"), Hit("2401.00001") };

        Assert.Equal(Ids(keyword), Ids(ReciprocalRankFusion.Fuse(keyword, [])));
    }
}
