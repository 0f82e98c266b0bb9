namespace ChatBot.Storage.Tests.Relevance;

/// <summary>
/// nDCG@k with graded gains 2^g - 1 and log2(rank + 1) discounts, normalised by the ideal ranking of the
/// judgments; recall@k counting papers graded 1 or more. A paper ranked twice counts once, at its first rank.
/// </summary>
internal static class RankingMetrics
{
    public static double Ndcg(IReadOnlyList<string> ranked, JudgedQuery query, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var ideal = Dcg(query.Judgments.Values.OrderDescending().Take(k));
        return ideal == 0 ? 0 : Dcg(TopDistinct(ranked, k).Select(query.Grade)) / ideal;
    }

    public static double Recall(IReadOnlyList<string> ranked, JudgedQuery query, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var relevant = query.Judgments.Values.Count(g => g >= 1);
        return relevant == 0 ? 0 : (double)TopDistinct(ranked, k).Count(id => query.Grade(id) >= 1) / relevant;
    }

    private static IEnumerable<string> TopDistinct(IReadOnlyList<string> ranked, int k) =>
        ranked.Distinct(StringComparer.Ordinal).Take(k);

    private static double Dcg(IEnumerable<int> grades) =>
        grades.Select((grade, i) => (Math.Pow(2, grade) - 1) / Math.Log2(i + 2)).Sum();
}
