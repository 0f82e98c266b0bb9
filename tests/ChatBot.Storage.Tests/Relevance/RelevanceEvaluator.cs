namespace ChatBot.Storage.Tests.Relevance;

/// <summary>Runs every judged query through a ranking function and scores the top <c>k</c>.</summary>
internal static class RelevanceEvaluator
{
    public const int K = 10;

    public static async Task<RelevanceReport> EvaluateAsync(
        string name, IReadOnlyList<JudgedQuery> queries, Ranker ranker, int k = K, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(ranker);
        var scores = new List<QueryScore>(queries.Count);
        foreach (var query in queries)
        {
            var ranked = await ranker(query.Text, k, cancellationToken);
            scores.Add(new QueryScore(query, RankingMetrics.Ndcg(ranked, query, k), RankingMetrics.Recall(ranked, query, k), ranked));
        }

        return new RelevanceReport(name, k, scores);
    }
}
