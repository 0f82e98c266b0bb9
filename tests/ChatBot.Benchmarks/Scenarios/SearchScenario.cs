using System.Globalization;
using ChatBot.Benchmarks.Hosting;
using ChatBot.Benchmarks.Measuring;
using ChatBot.Benchmarks.Queries;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core.Search;
using ChatBot.Storage.Search;
using Lucene.Net.Search.Similarities;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// Runs the query mix against <see cref="ISearchIndex.SearchAsync"/> one query at a time (first page,
/// 10 hits), after a warm-up until the JIT settled (<see cref="JitWarmUp"/>), and reports latency percentiles overall and per kind of query. Parsing
/// is not timed. A query
/// the parser reads otherwise than the mix meant fails the run.
/// </summary>
internal sealed class SearchScenario : IBenchmarkScenario
{
    public const int WarmUpQueries = 200;
    public const int PageSize = 10;
    private const int SlowestQueries = 20;
    private const int SlowestReruns = 5;
    private const int PlainLuceneQueries = 500;

    private const string Section = "Search";

    public string Name => "search";

    public async Task RunAsync(BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var index = context.Services.GetRequiredService<ISearchIndex>();
        var corpus = context.Corpus;
        var mix = new QueryMix(context.Settings.Seed, corpus.Vocabulary, corpus.Authors);
        var warmUpMix = QueryMix.ForWarmUp(context.Settings.Seed, corpus.Vocabulary, corpus.Authors);
        var warmUp = await JitWarmUp.RunAsync(WarmUpQueries, step =>
            index.SearchAsync((step < WarmUpQueries ? mix : warmUpMix).Next().Query, 0, PageSize, context.Now, cancellationToken));

        var queries = mix.Take(context.Settings.Queries);
        FailOnMismatch(queries);

        var overall = new LatencyRecorder(queries.Count);
        var byKind = Enum.GetValues<QueryKind>().ToDictionary(k => k, _ => new LatencyRecorder());
        var allocatedByKind = Enum.GetValues<QueryKind>().ToDictionary(k => k, _ => 0L);
        var progress = new ProgressLine(context.Progress, "search", queries.Count);
        int empty = 0, relaxed = 0;
        long totalHits = 0, allocated = 0;
        var pausedBefore = GC.GetTotalPauseDuration();
        var (gen0Before, gen2Before) = (GC.CollectionCount(0), GC.CollectionCount(2));
        var jit = JitActivity.Start();
        foreach (var query in queries)
        {
            // The search runs on this thread (the index completes synchronously), so this thread's allocations are the query's.
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var results = await overall.TimeAsync(() => index.SearchAsync(query.Query, 0, PageSize, context.Now, cancellationToken));
            var queryAllocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            allocated += queryAllocated;
            allocatedByKind[query.Kind] += queryAllocated;
            byKind[query.Kind].Record(overall.Last);

            totalHits += results.TotalHits;
            empty += results.Hits.Count == 0 ? 1 : 0;
            relaxed += results.RelaxedToAnyWord ? 1 : 0;
            progress.Report(overall.Count);
        }

        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        jit.Report(report, Section, "search", warmUp, "queries");
        var (gen0, gen2) = (GC.CollectionCount(0) - gen0Before, GC.CollectionCount(2) - gen2Before);
        var summary = overall.Summarize();
        report.Add(Section, "queries", "queries timed", queries.Count);
        report.Add(Section, "search_parse_mismatches", "queries not parsed as meant", 0);
        report.AddLatency(Section, "search", "search", summary);
        report.Add(Section, "search_mean_total_hits", "mean total hits", queries.Count == 0 ? 0 : (double)totalHits / queries.Count);
        report.Add(Section, "search_empty_results", "queries with no hit", empty);
        report.Add(Section, "search_relaxed_results", "queries relaxed to any word", relaxed);
        report.Add(Section, "search_alloc_kb_per_query", "allocated per query (mean)", queries.Count == 0 ? 0 : allocated / 1024.0 / queries.Count, "KB");
        report.Add(Section, "search_gc_collections", "GCs while timing (all generations)", gen0);
        report.Add(Section, "search_gc_gen2_collections", "  of which gen2", gen2);
        report.Add(Section, "search_gc_pause_ms", "GC pauses while timing", paused.TotalMilliseconds, "ms");
        report.Add(Section, "search_queries_during_gc", "queries timed across a GC", overall.CountAcrossGc);
        report.Add(Section, "search_p99_without_gc_ms", "search p99, queries without a GC", overall.SummarizeWithoutGc().P99, "ms");
        foreach (var (kind, recorder) in byKind)
        {
            var latency = recorder.Summarize();
            var key = "search_" + Snake(kind);
            report.Add(Section, key + "_p50_ms", $"{kind} p50", latency.P50, "ms");
            report.Add(Section, key + "_p99_ms", $"{kind} p99", latency.P99, "ms");
            report.Add(Section, key + "_alloc_kb", $"{kind} allocated per query", recorder.Count == 0 ? 0 : allocatedByKind[kind] / 1024.0 / recorder.Count, "KB");
        }

        await RerunSlowestAsync(index, queries, overall, summary, context, report, cancellationToken);
        ComparePlainLucene(index, queries, overall, warmUpMix, context, report);
        report.AddText(Section, "search_examples", "examples", string.Join(" | ", queries.Take(12).Select(q => q.Text)));
    }

    // Is the tail the queries or the moment? The slowest queries, each run again alone a few times: a query slow every
    // time is work to cut; one fast on its own was slowed by something else (a GC, another process on the machine).
    private static async Task RerunSlowestAsync(
        ISearchIndex index, List<BenchmarkQuery> queries, LatencyRecorder timings, LatencySummary summary, BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var slowest = timings.Timings.Select((ms, i) => (Ms: ms, Query: queries[i])).OrderByDescending(t => t.Ms).Take(SlowestQueries).ToList();
        var reruns = new List<double>(slowest.Count);
        var lines = new List<string>(slowest.Count);
        foreach (var (ms, query) in slowest)
        {
            var again = new LatencyRecorder(SlowestReruns);
            for (var i = 0; i < SlowestReruns; i++)
            {
                await again.TimeAsync(() => index.SearchAsync(query.Query, 0, PageSize, context.Now, cancellationToken));
            }

            var rerun = again.Summarize().P50;
            reruns.Add(rerun);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{ms:0.0}/{rerun:0.0} ms {query.Kind} {query.Text}"));
        }

        await context.Progress.WriteLineAsync("slowest searches (timed / median of " + SlowestReruns + " reruns):" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", lines));
        report.Add(Section, "search_slowest_rerun_p50_ms", $"the {SlowestQueries} slowest, run again: median", reruns.Count == 0 ? 0 : LatencySummary.Of(reruns).P50, "ms");
        report.Add(Section, "search_slowest_still_slow", $"  of them still above the p95 ({summary.P95:0.0} ms)", reruns.Count(r => r > summary.P95));
        report.AddText(Section, "search_slowest", "slowest (timed/rerun ms)", string.Join(" | ", lines.Take(8)));
    }

    // The first queries again on a plain Lucene searcher (PlainLuceneSearch): how much of the latency is the engine's.
    private static void ComparePlainLucene(
        ISearchIndex index, List<BenchmarkQuery> queries, LatencyRecorder timings, QueryMix warmUpMix, BenchmarkContext context, BenchmarkReport report)
    {
        if ((index is TimedSearchIndex timed ? timed.Inner : index) is not LuceneSearchIndex lucene)
        {
            return;
        }

        var compared = queries.Take(PlainLuceneQueries).ToList();
        var plain = lucene.Read(reader =>
        {
            using var search = new PlainLuceneSearch(reader, PageSize, context.Now);
            return search.Time(warmUpMix.Take(WarmUpQueries / 2), compared);
        });
        var label = $"plain Lucene, one thread, the first {compared.Count} queries:";
        report.Add(Section, "search_engine_queries", label + " queries", compared.Count);
        report.Add(Section, "search_engine_p50_ms", "  p50", plain.Summarize().P50, "ms");
        report.Add(Section, "search_engine_p99_ms", "  p99", plain.Summarize().P99, "ms");
        report.Add(Section, "search_same_queries_p99_ms", "  our search p99 on the same queries", LatencySummary.Of([.. timings.Timings.Take(compared.Count)]).P99, "ms");
        var phrases = compared.Select((q, i) => (q.Kind, Ms: plain.Timings[i])).Where(t => t.Kind == QueryKind.Phrase).Select(t => t.Ms).ToList();
        report.Add(Section, "search_engine_phrase_p50_ms", "  phrases p50", LatencySummary.Of(phrases).P50, "ms");
        report.Add(Section, "search_engine_phrase_p99_ms", "  phrases p99", LatencySummary.Of(phrases).P99, "ms");

        // The merge policy leaves segments of unequal sizes; a search waits for the larger of its parts (SlicedSearcher).
        var (segments, parts) = lucene.Read(reader => (
            string.Join(" ", reader.Leaves.Select(leaf => leaf.AtomicReader.MaxDoc)),
            string.Join(" ", new SlicedSearcher(reader, new BM25Similarity()).PartSizes)));
        report.AddText(Section, "search_segment_docs", "documents per segment", segments);
        report.AddText(Section, "search_part_docs", "documents per part searched at once", parts);
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
