using ChatBot.Benchmarks.Measuring;
using ChatBot.Benchmarks.Queries;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// Runs the query mix against <see cref="ISearchIndex.SearchAsync"/> one query at a time (first page,
/// 10 hits), after a warm-up, and reports latency percentiles overall and per kind of query. Parsing
/// is not timed. A query
/// the parser reads otherwise than the mix meant fails the run.
/// </summary>
internal sealed class SearchScenario : IBenchmarkScenario
{
    public const int WarmUpQueries = 200;
    public const int PageSize = 10;

    private const string Section = "Search";

    public string Name => "search";

    public async Task RunAsync(BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var index = context.Services.GetRequiredService<ISearchIndex>();
        var corpus = context.Corpus;
        var mix = new QueryMix(context.Settings.Seed, corpus.Vocabulary, corpus.Authors);

        foreach (var query in mix.Take(WarmUpQueries))
        {
            await index.SearchAsync(query.Query, 0, PageSize, context.Now, cancellationToken);
        }

        var queries = mix.Take(context.Settings.Queries);
        FailOnMismatch(queries);

        var overall = new LatencyRecorder(queries.Count);
        var byKind = Enum.GetValues<QueryKind>().ToDictionary(k => k, _ => new LatencyRecorder());
        var progress = new ProgressLine(context.Progress, "search", queries.Count);
        int empty = 0, relaxed = 0;
        long totalHits = 0;
        foreach (var query in queries)
        {
            var results = await overall.TimeAsync(() => index.SearchAsync(query.Query, 0, PageSize, context.Now, cancellationToken));
            byKind[query.Kind].Record(overall.Last);
            totalHits += results.TotalHits;
            empty += results.Hits.Count == 0 ? 1 : 0;
            relaxed += results.RelaxedToAnyWord ? 1 : 0;
            progress.Report(overall.Count);
        }

        report.Add(Section, "queries", "queries timed", queries.Count);
        report.Add(Section, "search_parse_mismatches", "queries not parsed as meant", 0);
        report.AddLatency(Section, "search", "search", overall.Summarize());
        report.Add(Section, "search_mean_total_hits", "mean total hits", queries.Count == 0 ? 0 : (double)totalHits / queries.Count);
        report.Add(Section, "search_empty_results", "queries with no hit", empty);
        report.Add(Section, "search_relaxed_results", "queries relaxed to any word", relaxed);
        foreach (var (kind, recorder) in byKind)
        {
            var latency = recorder.Summarize();
            var key = "search_" + Snake(kind);
            report.Add(Section, key + "_p50_ms", $"{kind} p50", latency.P50, "ms");
            report.Add(Section, key + "_p99_ms", $"{kind} p99", latency.P99, "ms");
        }

        report.AddText(Section, "search_examples", "examples", string.Join(" | ", queries.Take(12).Select(q => q.Text)));
    }

    /// <summary>A query the parser reads otherwise than the mix meant would time another query: the run fails.</summary>
    public static void FailOnMismatch(IEnumerable<BenchmarkQuery> queries)
    {
        if (queries.FirstOrDefault(q => q.Mismatch is not null) is { } mismatch)
        {
            throw new BenchmarkFailedException($"a {mismatch.Kind} query of the mix does not parse as meant: {mismatch.Mismatch}");
        }
    }

    private static string Snake(QueryKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
