using System.Diagnostics;
using ChatBot.Benchmarks.Measuring;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core.Ingestion;
using ChatBot.Core.Papers;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// Stores every paper of the corpus through <see cref="PaperIngestor"/> (LiteDB, then the search
/// index), <see cref="BatchSize"/> papers per batch as a source would deliver them. Only the ingest
/// calls are timed; generating the papers is timed apart.
/// </summary>
internal sealed class IngestScenario : IBenchmarkScenario
{
    public const int BatchSize = 1000;

    private const string Section = "Ingest";

    public string Name => "ingest";

    public async Task RunAsync(BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var ingestor = context.Services.GetRequiredService<PaperIngestor>();
        var timings = context.Services.GetRequiredService<IngestTimings>();
        timings.Reset();
        var corpus = context.Corpus;
        var progress = new ProgressLine(context.Progress, "ingest", corpus.Count);
        var generating = TimeSpan.Zero;
        var ingesting = TimeSpan.Zero;
        var created = 0;
        var batchTimes = new List<double>(corpus.Count / BatchSize + 1);
        for (var first = 0; first < corpus.Count; first += BatchSize)
        {
            var started = Stopwatch.GetTimestamp();
            var papers = new Paper[Math.Min(BatchSize, corpus.Count - first)];
            for (var i = 0; i < papers.Length; i++)
            {
                papers[i] = corpus.Create(first + i);
            }

            generating += Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            var outcome = await ingestor.IngestAsync(new PaperBatch($"benchmark-{first / BatchSize}", papers, []), cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            ingesting += elapsed;
            batchTimes.Add(elapsed.TotalMilliseconds);
            created += outcome.New;
            progress.Report(first + papers.Length);
        }

        if (created != corpus.Count)
        {
            await context.Progress.WriteLineAsync($"  warning: {corpus.Count} papers ingested but {created} were new (is the data folder empty?)");
        }

        var batches = LatencySummary.Of(batchTimes);
        report.Add(Section, "papers", "papers", corpus.Count);
        report.Add(Section, "ingest_new_papers", "new papers stored", created);
        report.Add(Section, "ingest_seconds", "ingest time", ingesting.TotalSeconds, "s");
        report.Add(Section, "ingest_papers_per_s", "ingest rate", corpus.Count / ingesting.TotalSeconds, "papers/s");
        report.Add(Section, "ingest_store_seconds", "  of which paper store (LiteDB)", timings.Store.TotalSeconds, "s");
        report.Add(Section, "ingest_index_seconds", "  of which search index", timings.Index.TotalSeconds, "s");
        report.Add(Section, "ingest_batch_p50_ms", $"batch of {BatchSize} p50", batches.P50, "ms");
        report.Add(Section, "ingest_batch_max_ms", $"batch of {BatchSize} max", batches.Max, "ms");
        report.Add(Section, "generate_papers_per_s", "generator rate (not in ingest time)", corpus.Count / generating.TotalSeconds, "papers/s");
    }
}
