using ChatBot.Storage.Tests.Search;
using Xunit.Abstractions;

namespace ChatBot.Storage.Tests.Relevance;

/// <summary>
/// The judged queries run through the real search path over the imported seed corpus. The figures go to the
/// test output; the assertions are floors a little under what keyword search scores today, so a ranking
/// regression fails, and (once issue 17's modes exist) the comparison hybrid search must win.
/// </summary>
public sealed class SeedCorpusRelevanceTests(SeedCorpusFixture corpus, SeedCorpusMeaningFixture meaning, ITestOutputHelper output)
    : IClassFixture<SeedCorpusFixture>, IClassFixture<SeedCorpusMeaningFixture>
{
    // Keyword search as measured when the set was written (nDCG@10 natural 0.530, keyword 0.918, overall 0.662;
    // recall@10 overall 0.527), less about 0.03: BM25 over a fixed corpus is deterministic, so only a change fails.
    private const double KeywordNaturalNdcgFloor = 0.50;
    private const double KeywordKeywordNdcgFloor = 0.89;
    private const double KeywordOverallNdcgFloor = 0.63;
    private const double KeywordOverallRecallFloor = 0.50;

    /// <summary>What "better by a clear margin" means on the natural-language queries: nDCG@10 points.</summary>
    private const double HybridNaturalMargin = 0.05;

    private static readonly IReadOnlyList<JudgedQuery> Queries = JudgedQuerySet.Load();

    [Fact]
    public async Task Keyword_search_keeps_its_measured_relevance_on_the_judged_queries()
    {
        var keyword = await EvaluateAsync(SearchModeRanker.Keyword);

        Assert.True(keyword.MeanNdcg(QueryKind.Natural) >= KeywordNaturalNdcgFloor, keyword.Summary());
        Assert.True(keyword.MeanNdcg(QueryKind.Keyword) >= KeywordKeywordNdcgFloor, keyword.Summary());
        Assert.True(keyword.MeanNdcg() >= KeywordOverallNdcgFloor, keyword.Summary());
        Assert.True(keyword.MeanRecall() >= KeywordOverallRecallFloor, keyword.Summary());
    }

    [Fact]
    public async Task A_ranking_that_ignores_the_query_falls_below_the_floors()
    {
        // The floors must be able to fail: the same ten papers for every query stays far under them.
        IReadOnlyList<string> first = [.. corpus.Papers.Take(RelevanceEvaluator.K).Select(p => p.Id.Value)];

        var report = await RelevanceEvaluator.EvaluateAsync("fixed", Queries, (_, _, _) => Task.FromResult(first));

        Assert.True(report.MeanNdcg(QueryKind.Natural) < KeywordNaturalNdcgFloor, report.Summary());
        Assert.True(report.MeanNdcg(QueryKind.Keyword) < KeywordKeywordNdcgFloor, report.Summary());
        Assert.True(report.MeanRecall() < KeywordOverallRecallFloor, report.Summary());
    }

    [Fact]
    public async Task Hybrid_search_beats_keyword_search_on_natural_queries_and_is_not_worse_on_keyword_queries()
    {
        Assert.Null(meaning.ModelUnavailable);
        var keyword = await EvaluateAsync(SearchModeRanker.Keyword);
        var hybrid = await EvaluateAsync(SearchModeRanker.Hybrid);
        await EvaluateAsync(SearchModeRanker.Semantic);

        Assert.True(hybrid.MeanNdcg(QueryKind.Natural) >= keyword.MeanNdcg(QueryKind.Natural) + HybridNaturalMargin, hybrid.Summary() + keyword.Summary());
        Assert.True(hybrid.MeanNdcg(QueryKind.Keyword) >= keyword.MeanNdcg(QueryKind.Keyword), hybrid.Summary() + keyword.Summary());
    }

    private async Task<RelevanceReport> EvaluateAsync(string mode)
    {
        var report = await RelevanceEvaluator.EvaluateAsync($"mode:{mode}", Queries, SearchModeRanker.For(meaning.Search, mode));
        output.WriteLine(report.Summary());
        return report;
    }
}
