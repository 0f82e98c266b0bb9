using ChatBot.Benchmarks.Measuring;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core.Papers;
using ChatBot.Storage.Papers;
using ChatBot.Storage.Search;
using LiteDB;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// The engines' own speed on the same papers, in the same run (<c>--floor</c>): the corpus's distinct papers as our
/// store's documents, written with plain <c>InsertBulk</c> into a fresh LiteDB file (no secondary index, one
/// transaction per <see cref="IngestScenario.BatchSize"/> papers, as we commit), and as our index's documents added to
/// a plain <see cref="IndexWriter"/> with our analyzer in a fresh folder, committed once. Only the engine calls are
/// timed; making the documents is not. The floor is the slower of the two: ingest cannot beat it, as every paper
/// goes through both. Both engines first index <see cref="WarmUpPapers"/> papers into files of their own, untimed, again
/// and again until the JIT has settled (<see cref="JitWarmUp"/>), so the floor is their steady speed rather than their
/// JIT warm-up: one round of 2,000 papers left some 3,000 methods to compile (2-3 s) while the floor was timed.
/// </summary>
internal sealed class EngineFloorScenario : IBenchmarkScenario
{
    public const int WarmUpPapers = 2_000;

    private const string Section = "Engine floor";

    public const string ScenarioName = "engine-floor";

    public string Name => ScenarioName;

    public async Task RunAsync(BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        using var scratch = new ScratchFolder("floor", context.Progress);
        var folder = scratch.Path;
        var warmUp = Math.Min(WarmUpPapers, context.Corpus.Count);
        var quiet = context with { Progress = TextWriter.Null };
        var warmUpSteps = await JitWarmUp.RunAsync(minimumSteps: 1, step =>
        {
            LiteDbBulkInsert(quiet, warmUp, Path.Combine(folder, $"warm-up-{step}.db"), likeOurs: false, cancellationToken);
            LuceneIndexing(quiet, warmUp, Path.Combine(folder, $"warm-up-index-{step}"), likeOurs: false, cancellationToken);
            return Task.CompletedTask;
        });
        var jit = JitActivity.Start();
        var liteDb = LiteDbBulkInsert(context, context.Corpus.Count, Path.Combine(folder, "papers.db"), likeOurs: false, cancellationToken);
        var lucene = LuceneIndexing(context, context.Corpus.Count, Path.Combine(folder, "index"), likeOurs: false, cancellationToken);
        jit.Report(report, Section, "ingest_floor", warmUpSteps, $"rounds of {warmUp:N0} papers in each engine");
        var papers = context.Corpus.Count;
        report.Add(Section, "ingest_floor_litedb_papers_per_s", "LiteDB InsertBulk", papers / liteDb.Elapsed.TotalSeconds, "papers/s");
        report.Add(Section, "ingest_floor_lucene_papers_per_s", "Lucene.Net IndexWriter", papers / lucene.Elapsed.TotalSeconds, "papers/s");
        report.Add(Section, "ingest_floor_papers_per_s", "floor (the slower)", papers / Math.Max(liteDb.Elapsed.TotalSeconds, lucene.Elapsed.TotalSeconds), "papers/s");
        report.Add(Section, "ingest_floor_litedb_cpu_us_per_paper", "LiteDB InsertBulk, process CPU", liteDb.Cpu.TotalMicroseconds / papers, "µs/paper");
        report.Add(Section, "ingest_floor_lucene_cpu_us_per_paper", "Lucene.Net IndexWriter, process CPU", lucene.Cpu.TotalMicroseconds / papers, "µs/paper");
        report.Add(Section, "ingest_floor_litedb_gc_pause_percent", "LiteDB InsertBulk, of which GC pauses", 100 * liteDb.GcPause / liteDb.Elapsed, "%");
        report.Add(Section, "ingest_floor_lucene_gc_pause_percent", "Lucene.Net IndexWriter, of which GC pauses", 100 * lucene.GcPause / lucene.Elapsed, "%");
        report.Add(Section, "ingest_floor_making_cpu_us_per_paper", "generating and making the documents (untimed)", (liteDb.Making + lucene.Making).TotalMicroseconds / papers, "µs/paper");
        if (context.Settings.FloorLikeOurs)
        {
            LikeOurs(context, report, folder, cancellationToken);
        }
    }

    /// <summary>
    /// The same engines doing the engine work our store and index must do, each still alone on the machine
    /// (<c>--floor-like-ours</c>): LiteDB with the store's secondary indexes (<see cref="LiteDbPaperStore.EnsureQueryIndexes"/>:
    /// trending, alerts and the index's catch-up read them), Lucene with our writer (<see cref="LuceneIndexSession.WriterConfig"/>:
    /// fewer segments per tier, so more merging) committing as often as ours (<see cref="SearchIndexOptions.CommitEveryPapers"/>).
    /// Every paper still arrives once: the duplicates' merging, re-keying and upvote updates are not in it.
    /// </summary>
    private static void LikeOurs(BenchmarkContext context, BenchmarkReport report, string folder, CancellationToken cancellationToken)
    {
        var papers = context.Corpus.Count;
        var liteDb = LiteDbBulkInsert(context, papers, Path.Combine(folder, "papers-indexed.db"), likeOurs: true, cancellationToken);
        var lucene = LuceneIndexing(context, papers, Path.Combine(folder, "index-like-ours"), likeOurs: true, cancellationToken);
        report.Add(Section, "ingest_floor_indexed_litedb_papers_per_s", "LiteDB InsertBulk with the store's secondary indexes", papers / liteDb.Elapsed.TotalSeconds, "papers/s");
        report.Add(Section, "ingest_floor_merged_lucene_papers_per_s", "Lucene.Net IndexWriter set up and committing as ours", papers / lucene.Elapsed.TotalSeconds, "papers/s");
        report.Add(Section, "ingest_floor_like_ours_papers_per_s", "engine work like ours (the slower)", papers / Math.Max(liteDb.Elapsed.TotalSeconds, lucene.Elapsed.TotalSeconds), "papers/s");
        report.Add(Section, "ingest_floor_indexed_litedb_cpu_us_per_paper", "LiteDB with the indexes, process CPU", liteDb.Cpu.TotalMicroseconds / papers, "µs/paper");
        report.Add(Section, "ingest_floor_merged_lucene_cpu_us_per_paper", "Lucene.Net as ours, process CPU", lucene.Cpu.TotalMicroseconds / papers, "µs/paper");
    }

    private static (TimeSpan Elapsed, TimeSpan Cpu, TimeSpan Making, TimeSpan GcPause) LiteDbBulkInsert(BenchmarkContext context, int count, string file, bool likeOurs, CancellationToken cancellationToken)
    {
        var progress = new ProgressLine(context.Progress, likeOurs ? "floor like ours, LiteDB" : "floor, LiteDB", count);
        var timed = new TimedCalls();
        // The process's CPU time over the whole loop, less what this thread spent making the documents (untimed).
        var cpuStarted = CpuTime.Process();
        var making = TimeSpan.Zero;
        using var database = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct });
        var collection = database.GetCollection(LiteDbPaperStore.CollectionName);
        if (likeOurs)
        {
            LiteDbPaperStore.EnsureQueryIndexes(collection);
        }

        for (var first = 0; first < count; first += IngestScenario.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var makingStarted = CpuTime.CurrentThread();
            var documents = new List<BsonDocument>(IngestScenario.BatchSize);
            for (var i = first; i < Math.Min(first + IngestScenario.BatchSize, count); i++)
            {
                documents.Add(PaperDocumentMapper.ToDocument(Stored(context, i)));
            }

            making += CpuTime.CurrentThread() - makingStarted;
            timed.Run(() => collection.InsertBulk(documents, documents.Count));
            progress.Report(first + documents.Count);
        }

        return (timed.Elapsed, CpuTime.Process() - cpuStarted - making, making, timed.GcPause);
    }

    private static (TimeSpan Elapsed, TimeSpan Cpu, TimeSpan Making, TimeSpan GcPause) LuceneIndexing(BenchmarkContext context, int count, string path, bool likeOurs, CancellationToken cancellationToken)
    {
        var progress = new ProgressLine(context.Progress, likeOurs ? "floor like ours, Lucene" : "floor, Lucene", count);
        var timed = new TimedCalls();
        // The process's CPU time over the whole loop, less what this thread spent making the documents (untimed).
        var cpuStarted = CpuTime.Process();
        var making = TimeSpan.Zero;
        using var analyzer = PaperAnalyzer.Create();
        using var directory = FSDirectory.Open(path);
        var config = likeOurs
            ? LuceneIndexSession.WriterConfig(OpenMode.CREATE, analyzer, new BM25Similarity())
            : new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { OpenMode = OpenMode.CREATE };
        var commitEvery = likeOurs ? new SearchIndexOptions().CommitEveryPapers : int.MaxValue;
        using (var writer = new IndexWriter(directory, config))
        {
            for (var first = 0; first < count; first += IngestScenario.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var makingStarted = CpuTime.CurrentThread();
                var documents = new List<LuceneDocument>(IngestScenario.BatchSize);
                for (var i = first; i < Math.Min(first + IngestScenario.BatchSize, count); i++)
                {
                    documents.Add(PaperFields.ToDocument(Stored(context, i)));
                }

                making += CpuTime.CurrentThread() - makingStarted;
                var indexed = first + documents.Count;
                timed.Run(() =>
                {
                    foreach (var document in documents)
                    {
                        writer.AddDocument(document);
                    }

                    // As ours: committed every so many papers (it flushes a segment), not only at the end.
                    if (indexed / commitEvery > first / commitEvery && indexed < count)
                    {
                        writer.Commit();
                    }
                });
                progress.Report(indexed);
            }

            timed.Run(writer.Commit);
        }

        // After the writer is closed: its last merges count.
        return (timed.Elapsed, CpuTime.Process() - cpuStarted - making, making, timed.GcPause);
    }

    /// <summary>Paper <paramref name="index"/> as our store keeps it: first seen now, with its sequence and revision.</summary>
    private static Paper Stored(BenchmarkContext context, int index) =>
        PaperMerger.First(context.Corpus.Create(index), index + 1, context.Now) with { Revision = index + 1 };
}
