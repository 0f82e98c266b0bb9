using System.Globalization;
using System.Text;

namespace ChatBot.Storage.Tests.Relevance;

/// <summary>Per-query scores of one ranking over a judged set, with means per kind and overall.</summary>
internal sealed record RelevanceReport(string Name, int K, IReadOnlyList<QueryScore> Scores)
{
    public double MeanNdcg(QueryKind? kind = null) => Of(kind).Average(s => s.Ndcg);

    public double MeanRecall(QueryKind? kind = null) => Of(kind).Average(s => s.Recall);

    /// <summary>Queries with nothing relevant in the top k.</summary>
    public int Misses(QueryKind? kind = null) => Of(kind).Count(s => s.Recall == 0);

    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Name}: nDCG@{K} / recall@{K}");
        foreach (var (label, kind) in new (string, QueryKind?)[] { ("natural", QueryKind.Natural), ("keyword", QueryKind.Keyword), ("overall", null) })
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {label,-8} {MeanNdcg(kind):0.000} / {MeanRecall(kind):0.000}  ({Of(kind).Count()} queries, {Misses(kind)} with nothing relevant in the top {K})");
        }

        foreach (var score in Scores)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {score.Query.Id} {score.Ndcg:0.000} / {score.Recall:0.000}  {score.Query.Text}");
        }

        return text.ToString();
    }

    private IEnumerable<QueryScore> Of(QueryKind? kind) => kind is null ? Scores : Scores.Where(s => s.Query.Kind == kind);
}
