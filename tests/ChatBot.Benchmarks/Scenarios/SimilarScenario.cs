using ChatBot.Benchmarks.Corpus;
using ChatBot.Benchmarks.Measuring;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// Times <see cref="ISearchIndex.SimilarAsync"/> for papers picked at random from the corpus, after a warm-up until the
/// JIT settled (<see cref="JitWarmUp"/>).
/// </summary>
internal sealed class SimilarScenario : IBenchmarkScenario
{
    public const int WarmUpPapers = 20;
    public const int TimedPapers = 200;
    public const int Limit = 5;
    private const int WarmUpStream = 8;

    private const string Section = "Similar papers";

    public string Name => "similar";

    public async Task RunAsync(BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var index = context.Services.GetRequiredService<ISearchIndex>();
        var corpus = context.Corpus;
        var random = SeedMix.Random(context.Settings.Seed, 0, stream: 7);
        var ids = Enumerable.Range(0, WarmUpPapers + TimedPapers)
            .Select(_ => PaperId.FromArxiv(corpus.ArxivIdOf(random.Next(corpus.Count))))
            .ToList();

        // The warm-up papers picked before the timed ones first (as before), then papers from a stream of their own.
        var warmUpRandom = SeedMix.Random(context.Settings.Seed, 0, stream: WarmUpStream);
        var warmUp = await JitWarmUp.RunAsync(WarmUpPapers, step => index.SimilarAsync(
            step < WarmUpPapers ? ids[step] : PaperId.FromArxiv(corpus.ArxivIdOf(warmUpRandom.Next(corpus.Count))), Limit, cancellationToken));

        var recorder = new LatencyRecorder(TimedPapers);
        var empty = 0;
        var jit = JitActivity.Start();
        // What the look-ups allocate on this thread, against what the whole process allocates meanwhile (the other half
        // of a sliced search, and whatever else runs: background merges): which of them sets the collections off.
        long lookups = 0;
        var processBefore = GC.GetTotalAllocatedBytes(precise: false);
        foreach (var id in ids.Skip(WarmUpPapers))
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var hits = await recorder.TimeAsync(() => index.SimilarAsync(id, Limit, cancellationToken));
            lookups += GC.GetAllocatedBytesForCurrentThread() - before;
            empty += hits.Count == 0 ? 1 : 0;
        }

        var process = GC.GetTotalAllocatedBytes(precise: false) - processBefore;

        var latency = recorder.Summarize();
        jit.Report(report, Section, "similar", warmUp, "papers");
        report.Add(Section, "similar_papers", "papers asked", recorder.Count);
        report.Add(Section, "similar_p50_ms", "similar p50", latency.P50, "ms");
        report.Add(Section, "similar_p99_ms", "similar p99", latency.P99, "ms");
        report.Add(Section, "similar_max_ms", "similar max", latency.Max, "ms");
        report.Add(Section, "similar_during_gc", "papers timed across a GC", recorder.CountAcrossGc);
        report.Add(Section, "similar_p99_without_gc_ms", "similar p99, papers without a GC", recorder.SummarizeWithoutGc().P99, "ms");
        report.Add(Section, "similar_alloc_kb_per_paper", "allocated per look-up, on the asking thread", lookups / 1024.0 / Math.Max(recorder.Count, 1), "KB");
        report.Add(Section, "similar_process_alloc_mb", "allocated by the whole process while timing", process / (1024.0 * 1024.0), "MB");
        report.Add(Section, "similar_empty_results", "papers with nothing similar", empty);
    }
}
