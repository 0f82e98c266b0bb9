namespace ChatBot.Storage.Tests.Relevance;

public sealed class RelevanceEvaluatorTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public async Task Means_are_taken_per_kind_and_overall_from_what_the_ranker_returns()
    {
        var natural = new JudgedQuery("n", "how do I find it", QueryKind.Natural, Grades(("a", 3), ("b", 1)));
        var keyword = new JudgedQuery("k", "find", QueryKind.Keyword, Grades(("c", 2)));
        var rankings = new Dictionary<string, IReadOnlyList<string>>
        {
            ["how do I find it"] = ["x", "y"],
            ["find"] = ["c"],
        };
        var asked = new List<int>();

        var report = await RelevanceEvaluator.EvaluateAsync("fake", [natural, keyword], (text, limit, _) =>
        {
            asked.Add(limit);
            return Task.FromResult(rankings[text]);
        });

        Assert.Equal([10, 10], asked);
        Assert.Equal(0.0, report.MeanNdcg(QueryKind.Natural), Tolerance);
        Assert.Equal(1.0, report.MeanNdcg(QueryKind.Keyword), Tolerance);
        Assert.Equal(0.5, report.MeanNdcg(), Tolerance);
        Assert.Equal(0.5, report.MeanRecall(), Tolerance);
        Assert.Equal(1, report.Misses(QueryKind.Natural));
        Assert.Equal(0, report.Misses(QueryKind.Keyword));
        Assert.Contains("natural  0.000 / 0.000  (1 queries, 1 with nothing relevant in the top 10)", report.Summary(), StringComparison.Ordinal);
    }

    private static Dictionary<string, int> Grades(params (string Id, int Grade)[] judgments) =>
        judgments.ToDictionary(j => j.Id, j => j.Grade, StringComparer.Ordinal);
}
