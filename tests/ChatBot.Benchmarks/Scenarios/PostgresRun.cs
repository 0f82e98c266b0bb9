using ChatBot.Benchmarks.Corpus;
using ChatBot.Benchmarks.Hosting;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// The same corpus ingested and searched again with the stores on PostgreSQL (<c>--postgres</c>), after the LiteDB run
/// and in the same process: <see cref="IngestScenario"/> and <see cref="SearchScenario"/> unchanged on a host with
/// <c>Storage:Provider=postgres</c> and a data folder of its own (the search index stays local). Their figures go into
/// the report under <c>pg_</c> keys in a section of their own; the LiteDB keys stay as they are. The database must be
/// empty, so that every paper is new, as in the LiteDB run.
/// </summary>
internal static class PostgresRun
{
    private const string Section = "PostgreSQL";

    /// <summary>The figures copied from the PostgreSQL run (with <c>pg_</c> before them).</summary>
    private static readonly string[] Keys =
    [
        "ingest_seconds", "ingest_papers_per_s", "ingest_records_per_s", "ingest_store_seconds", "ingest_index_seconds",
        "ingest_batch_p50_ms", "ingest_batch_max_ms", "search_p50_ms", "search_p95_ms", "search_p99_ms", "search_max_ms", "search_mean_ms",
    ];

    public static async Task MeasureAsync(
        string connectionString, string dataDirectory, PaperGenerator corpus, BenchmarkSettings settings, BenchmarkReport report, TextWriter progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        using var host = BenchmarkHost.Build(dataDirectory, connectionString);
        var services = host.Services;
        var stats = await services.GetRequiredService<IPaperStore>().GetCountersAsync(cancellationToken);
        if (stats.Papers > 0)
        {
            throw new ChatBotException($"--postgres names a database that holds {stats.Papers} papers: the benchmark needs an empty database, so that every paper is new.");
        }

        await services.GetRequiredService<SearchIndexSynchronizer>().EnsureCurrentAsync(progress: null, cancellationToken);
        var context = new BenchmarkContext(services, corpus, settings, progress);
        var measured = new BenchmarkReport();
        foreach (var scenario in new IBenchmarkScenario[] { new IngestScenario(), new SearchScenario() })
        {
            await progress.WriteLineAsync($"== postgres {scenario.Name}");
            await scenario.RunAsync(context, measured, cancellationToken);
        }

        foreach (var metric in measured.Metrics.Where(m => Keys.Contains(m.Key) && m.Value is not null))
        {
            report.Add(Section, "pg_" + metric.Key, metric.Label.Replace("LiteDB", "PostgreSQL", StringComparison.Ordinal), metric.Value!.Value, metric.Unit);
        }
    }
}
