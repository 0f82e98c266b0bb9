using System.Diagnostics;
using ChatBot.Benchmarks.Measuring;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core.Ingestion;
using ChatBot.Core.Papers;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// The newest tenth of the corpus is reported again <see cref="Rounds"/> times with more upvotes, as
/// the daily list does while papers trend: each paper gains an upvote history, and the store and the
/// index take updates rather than inserts (stored and indexed as the ingest worker does: the index overlaps the next batch).
/// </summary>
internal sealed class UpvoteUpdateScenario : IBenchmarkScenario
{
    public const int Rounds = 2;

    private const string Section = "Upvote updates";

    public string Name => "upvote-updates";

    public async Task RunAsync(BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var ingestor = context.Services.GetRequiredService<PaperIngestor>();
        var timings = context.Services.GetRequiredService<IngestTimings>();
        timings.Reset();
        var corpus = context.Corpus;
        var first = corpus.Count - Math.Max(1, corpus.Count / 10);
        var total = (corpus.Count - first) * Rounds;
        var progress = new ProgressLine(context.Progress, "upvote updates", total);
        var elapsed = TimeSpan.Zero;
        int done = 0, updated = 0;
        for (var round = 1; round <= Rounds; round++)
        {
            for (var start = first; start < corpus.Count; start += IngestScenario.BatchSize)
            {
                var papers = new Paper[Math.Min(IngestScenario.BatchSize, corpus.Count - start)];
                for (var i = 0; i < papers.Length; i++)
                {
                    papers[i] = corpus.CreateUpvoteUpdate(start + i, round);
                }

                var started = Stopwatch.GetTimestamp();
                var outcome = await ingestor.StoreAsync(new PaperBatch($"benchmark-update-{round}-{start}", papers, []), cancellationToken);
                elapsed += Stopwatch.GetElapsedTime(started);
                updated += outcome.Updated;
                done += papers.Length;
                progress.Report(done);
            }
        }

        var draining = Stopwatch.GetTimestamp();
        await ingestor.WhenIndexedAsync(cancellationToken);
        elapsed += Stopwatch.GetElapsedTime(draining);

        report.Add(Section, "update_papers", "papers re-reported", done);
        report.Add(Section, "update_changed_papers", "papers changed", updated);
        report.Add(Section, "update_papers_per_s", "update rate", done / elapsed.TotalSeconds, "papers/s");
        report.Add(Section, "update_store_seconds", "  of which paper store (LiteDB)", timings.Store.TotalSeconds, "s");
        report.Add(Section, "update_index_seconds", "  of which search index", timings.Index.TotalSeconds, "s");
        report.Add(Section, "update_store_cpu_us_per_paper", "  CPU in the store's upserts", timings.StoreCpu.TotalMicroseconds / done, "µs/paper");
    }
}
