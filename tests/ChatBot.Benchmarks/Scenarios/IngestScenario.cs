using System.Diagnostics;
using ChatBot.Benchmarks.Corpus;
using ChatBot.Benchmarks.Hosting;
using ChatBot.Benchmarks.Measuring;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core.Ingestion;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Storage.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// Stores the corpus through <see cref="PaperIngestor"/> (LiteDB, then the search index, which works on a batch while
/// LiteDB stores the next, as the ingest worker runs a source) as sources deliver it
/// (<see cref="IngestStream"/>: some papers twice, from another source or first without an arXiv id),
/// <see cref="BatchSize"/> records per batch. Only the ingest calls are timed; generating the papers is timed
/// apart. The rate counts distinct papers, as the engine floor does; the store and the index must then agree
/// with each other and hold exactly the corpus (<see cref="StoreIndexAgreement"/>). The code is warmed up first, on
/// stores and indexes of their own, before the host is built (<see cref="IngestWarmUp"/>), as the floor warms its engines.
/// </summary>
internal sealed class IngestScenario : IBenchmarkScenario
{
    public const int BatchSize = 1000;

    /// <summary>The report section of the ingest's figures (its warm-up's too: <see cref="IngestWarmUp"/>).</summary>
    internal const string Section = "Ingest";

    public string Name => "ingest";

    public async Task RunAsync(BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var ingestor = context.Services.GetRequiredService<PaperIngestor>();
        var timings = context.Services.GetRequiredService<IngestTimings>();
        timings.Reset();
        var corpus = context.Corpus;
        var stream = new IngestStream(corpus, context.Settings.Seed);
        var progress = new ProgressLine(context.Progress, "ingest", corpus.Count);
        var generating = TimeSpan.Zero;
        var ingesting = TimeSpan.Zero;
        int created = 0, merged = 0, records = 0, batchNumber = 0, firstArrivals = 0;
        var duplicates = new Dictionary<DuplicateKind, int> { [DuplicateKind.OtherSource] = 0, [DuplicateKind.TitleFirst] = 0 };
        var batchTimes = new List<double>(corpus.Count / BatchSize + 2);
        var pauseBefore = GC.GetTotalPauseDuration();
        var collectionsBefore = Collections();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var jit = JitActivity.Start();
        var batch = new List<Paper>(BatchSize);
        // The process's CPU time from the first record to the last paper indexed, less what generating them cost.
        var cpuStarted = CpuTime.Process();
        var generatingCpu = TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();
        var startedCpu = CpuTime.CurrentThread();
        foreach (var (paper, kind, isDuplicate) in stream.Records())
        {
            batch.Add(paper);
            records++;
            firstArrivals += isDuplicate ? 0 : 1;
            if (isDuplicate)
            {
                duplicates[kind]++;
            }

            if (batch.Count < BatchSize)
            {
                continue;
            }

            generating += Stopwatch.GetElapsedTime(started);
            generatingCpu += CpuTime.CurrentThread() - startedCpu;
            await IngestBatchAsync();
            started = Stopwatch.GetTimestamp();
            startedCpu = CpuTime.CurrentThread();
        }

        generating += Stopwatch.GetElapsedTime(started);
        generatingCpu += CpuTime.CurrentThread() - startedCpu;
        if (batch.Count > 0)
        {
            await IngestBatchAsync();
        }

        // The last batch's index work, which the batches before overlapped with the next batch's store.
        var draining = Stopwatch.GetTimestamp();
        await ingestor.WhenIndexedAsync(cancellationToken);
        ingesting += Stopwatch.GetElapsedTime(draining);
        var ingestCpu = CpuTime.Process() - cpuStarted - generatingCpu;

        var (jitTime, jitMethods) = (jit.Elapsed, jit.Compiled);
        var gcPause = GC.GetTotalPauseDuration() - pauseBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var collections = Collections();
        var batches = LatencySummary.Of(batchTimes);
        report.Add(Section, "papers", "papers (distinct)", corpus.Count);
        report.Add(Section, "ingest_records", "records delivered (with duplicates)", records);
        report.Add(Section, "ingest_duplicates_other_source", "  again from another source", duplicates[DuplicateKind.OtherSource]);
        report.Add(Section, "ingest_duplicates_title_first", "  title first, then with the arXiv id", duplicates[DuplicateKind.TitleFirst]);
        report.Add(Section, "ingest_new_papers", "new papers stored", created);
        report.Add(Section, "ingest_merged_records", "records merged into a stored paper", merged);
        report.Add(Section, "ingest_seconds", "ingest time", ingesting.TotalSeconds, "s");
        report.Add(Section, "ingest_papers_per_s", "ingest rate (distinct papers)", corpus.Count / ingesting.TotalSeconds, "papers/s");
        report.Add(Section, "ingest_records_per_s", "ingest rate (records)", records / ingesting.TotalSeconds, "records/s");
        report.Add(Section, "ingest_store_seconds", "  of which paper store (LiteDB)", timings.Store.TotalSeconds, "s");
        report.Add(Section, "ingest_index_seconds", "  of which search index", timings.Index.TotalSeconds, "s");
        report.Add(Section, "ingest_cpu_us_per_paper", "  process CPU (not generating)", ingestCpu.TotalMicroseconds / corpus.Count, "µs/paper");
        report.Add(Section, "ingest_store_cpu_us_per_paper", "    of which in the store's upserts", timings.StoreCpu.TotalMicroseconds / corpus.Count, "µs/paper");
        report.Add(Section, "ingest_gc_pause_percent", "  of which GC pauses", 100 * gcPause / ingesting, "%");
        report.Add(Section, "ingest_alloc_kb_per_paper", "  allocated (the whole process, generating included)", allocated / 1024.0 / corpus.Count, "KB/paper");
        report.Add(Section, "ingest_jit_methods", "  methods the JIT still compiled after the warm-up (generating included)", jitMethods);
        report.Add(Section, "ingest_jit_ms", "  their compile time (every thread)", jitTime.TotalMilliseconds, "ms");
        report.Add(Section, "ingest_gc_gen0_collections", "  gen 0 collections", collections.Gen0 - collectionsBefore.Gen0);
        report.Add(Section, "ingest_gc_gen1_collections", "  gen 1 collections", collections.Gen1 - collectionsBefore.Gen1);
        report.Add(Section, "ingest_gc_gen2_collections", "  gen 2 collections", collections.Gen2 - collectionsBefore.Gen2);
        report.Add(Section, "ingest_batch_p50_ms", $"batch of {BatchSize} p50", batches.P50, "ms");
        report.Add(Section, "ingest_batch_max_ms", $"batch of {BatchSize} max", batches.Max, "ms");
        report.Add(Section, "generate_papers_per_s", "generator rate (not in ingest time)", records / generating.TotalSeconds, "records/s");
        if (report["ingest_floor_papers_per_s"] is { } floor and > 0)
        {
            report.Add(Section, "ingest_floor_ratio", "ingest rate / engine floor", corpus.Count / ingesting.TotalSeconds / floor);
        }

        if (report["ingest_floor_like_ours_papers_per_s"] is { } likeOurs and > 0)
        {
            report.Add(Section, "ingest_floor_like_ours_ratio", "ingest rate / engine work like ours", corpus.Count / ingesting.TotalSeconds / likeOurs);
        }

        // Less disturbed by a busy machine than the rates: the engines' CPU per paper (both: every paper goes through
        // both) over ours. 1 means ingest costs what the engines cost.
        if (report["ingest_floor_litedb_cpu_us_per_paper"] is { } liteDbCpu and > 0 && report["ingest_floor_lucene_cpu_us_per_paper"] is { } luceneCpu and > 0)
        {
            report.Add(Section, "ingest_floor_cpu_ratio", "engines' CPU / ingest CPU (per paper)", (liteDbCpu + luceneCpu) / (ingestCpu.TotalMicroseconds / corpus.Count));
        }

        // Every first arrival is a paper of its own; a duplicate must merge, never make a second paper.
        if (created != firstArrivals)
        {
            throw new BenchmarkFailedException($"ingest stored {created} new papers for {firstArrivals} distinct ones ({records} records, {merged} merged): duplicates were not merged, or distinct papers were");
        }

        await StoreIndexAgreement.CheckAsync(context.Services, corpus.Count, "after ingest", cancellationToken);
        if (context.Services.GetRequiredService<ISearchIndex>() is TimedSearchIndex { Inner: LuceneSearchIndex lucene })
        {
            report.Add(Section, "ingest_index_segments", "index segments after ingest", lucene.CountSegments());
        }

        static (int Gen0, int Gen1, int Gen2) Collections() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

        async Task IngestBatchAsync()
        {
            var timer = Stopwatch.GetTimestamp();
            var outcome = await ingestor.StoreAsync(new PaperBatch($"benchmark-{batchNumber++}", [.. batch], []), cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(timer);
            ingesting += elapsed;
            batchTimes.Add(elapsed.TotalMilliseconds);
            created += outcome.New;
            merged += outcome.Updated + outcome.Unchanged;
            batch.Clear();
            progress.Report(Math.Min(created, corpus.Count));
        }
    }
}
