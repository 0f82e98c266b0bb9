namespace ChatBot.Storage.Tests.Relevance;

public sealed class RankingMetricsTests
{
    private const double Tolerance = 1e-9;

    private static readonly JudgedQuery ThreeGrades = Query(("a", 3), ("b", 2), ("c", 1));

    [Fact]
    public void The_ideal_order_scores_one()
    {
        Assert.Equal(1.0, RankingMetrics.Ndcg(["a", "b", "c"], ThreeGrades, 10), Tolerance);
        Assert.Equal(1.0, RankingMetrics.Recall(["a", "b", "c"], ThreeGrades, 10), Tolerance);
    }

    [Fact]
    public void Gains_are_two_to_the_grade_minus_one_discounted_by_log2_of_rank_plus_one()
    {
        // DCG = (2^1-1)/log2(2) + 0/log2(3) + (2^3-1)/log2(4) = 1 + 3.5 = 4.5
        // IDCG = 7/log2(2) + 3/log2(3) + 1/log2(4) = 7 + 1.8927892607 + 0.5 = 9.3927892607
        var ranked = new[] { "c", "x", "a" };

        Assert.Equal(0.4790909148596985, RankingMetrics.Ndcg(ranked, ThreeGrades, 10), Tolerance);
        Assert.Equal(2.0 / 3, RankingMetrics.Recall(ranked, ThreeGrades, 10), Tolerance);
    }

    [Fact]
    public void Swapping_a_grade_three_and_a_grade_two_paper_costs_what_the_discounts_say()
    {
        // k = 2: DCG = 3 + 7/log2(3); IDCG = 7 + 3/log2(3).
        Assert.Equal(0.8339912323981488, RankingMetrics.Ndcg(["b", "a"], ThreeGrades, 2), Tolerance);
    }

    [Fact]
    public void The_ideal_ranking_is_cut_at_k_so_a_full_top_k_of_the_best_grade_scores_one()
    {
        var query = Query(("a", 3), ("b", 3), ("c", 3));

        Assert.Equal(1.0, RankingMetrics.Ndcg(["b", "a"], query, 2), Tolerance);
        Assert.Equal(2.0 / 3, RankingMetrics.Recall(["b", "a"], query, 2), Tolerance);
    }

    [Fact]
    public void A_relevant_paper_below_rank_k_earns_nothing()
    {
        var query = Query(("a", 2));
        var ranked = Enumerable.Range(1, 10).Select(i => $"x{i}").Append("a").ToList();

        Assert.Equal(0.0, RankingMetrics.Ndcg(ranked, query, 10), Tolerance);
        Assert.Equal(0.0, RankingMetrics.Recall(ranked, query, 10), Tolerance);
        Assert.Equal(Math.Log2(2) / Math.Log2(12), RankingMetrics.Ndcg(ranked, query, 11), Tolerance);
    }

    [Fact]
    public void An_empty_ranking_scores_zero()
    {
        Assert.Equal(0.0, RankingMetrics.Ndcg([], ThreeGrades, 10), Tolerance);
        Assert.Equal(0.0, RankingMetrics.Recall([], ThreeGrades, 10), Tolerance);
    }

    [Fact]
    public void A_paper_ranked_twice_counts_once_and_does_not_push_others_out_of_the_top_k()
    {
        // Deduplicated: [a, b] at k = 2, the ideal order.
        Assert.Equal(1.0, RankingMetrics.Ndcg(["a", "a", "b"], ThreeGrades, 2), Tolerance);
        Assert.Equal(2.0 / 3, RankingMetrics.Recall(["a", "a", "b"], ThreeGrades, 2), Tolerance);
    }

    [Fact]
    public void Recall_counts_every_grade_from_one_equally()
    {
        Assert.Equal(1.0 / 3, RankingMetrics.Recall(["c"], ThreeGrades, 10), Tolerance);
        Assert.Equal(1.0 / 3, RankingMetrics.Recall(["a"], ThreeGrades, 10), Tolerance);
    }

    private static JudgedQuery Query(params (string Id, int Grade)[] judgments) =>
        new("q", "query", QueryKind.Natural, judgments.ToDictionary(j => j.Id, j => j.Grade, StringComparer.Ordinal));
}
