using ChatBot.Benchmarks.Corpus;
using ChatBot.Benchmarks.Hosting;
using ChatBot.Benchmarks.Measuring;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core.Ingestion;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// Runs the first <see cref="EngineFloorScenario.WarmUpPapers"/> records of the corpus, then one round of their upvote
/// updates, through a throwaway store and index of their own, untimed, before ingest is timed, again with a new store
/// and index until the JIT has settled (<see cref="JitWarmUp"/>): the JIT compiles the ingest's code (a tenth of its CPU
/// time at 100,000 papers when timed cold; one round left some 3,000 methods, 2-3 s, to compile while timing), as the
/// floor warms its engines up first.
/// Both figures are then a running bot's steady speed, and the benchmark's database stays exactly the corpus.
/// </summary>
internal static class IngestWarmUp
{
    /// <summary>
    /// Warms up in rounds, each on a store and index of its own, until the JIT settles, and reports how many
    /// (<c>ingest_warm_up</c>). Run before the measured ingest's host is built: its index, opened and left idle for
    /// over a minute, would commit the first batch alone (<c>Search:CommitInterval</c>), a small segment that lets the
    /// merge policy keep more segments than a bot that ingests right after starting has.
    /// </summary>
    public static async Task RunAsync(BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var rounds = await JitWarmUp.RunAsync(minimumSteps: 1, _ => RoundAsync(context, cancellationToken));
        report.Add(
            IngestScenario.Section, "ingest_warm_up", $"warm-up until the JIT settled (rounds of {Math.Min(EngineFloorScenario.WarmUpPapers, context.Corpus.Count):N0} records and their updates)", rounds);
    }

    private static async Task RoundAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchFolder("ingest-warm-up", context.Progress);
        using var host = BenchmarkHost.Build(scratch.Path);
        await host.Services.GetRequiredService<SearchIndexSynchronizer>().EnsureCurrentAsync(progress: null, cancellationToken);
        var ingestor = host.Services.GetRequiredService<PaperIngestor>();
        var count = Math.Min(EngineFloorScenario.WarmUpPapers, context.Corpus.Count);
        var records = new IngestStream(context.Corpus, context.Settings.Seed).Records().Take(count).Select(r => r.Paper);
        var batch = 0;
        foreach (var papers in records.Chunk(IngestScenario.BatchSize))
        {
            await ingestor.StoreAsync(new PaperBatch($"warm-up-{batch++}", papers, []), cancellationToken);
        }

        var updates = Enumerable.Range(0, count).Select(i => context.Corpus.CreateUpvoteUpdate(i, round: 1));
        foreach (var papers in updates.Chunk(IngestScenario.BatchSize))
        {
            await ingestor.StoreAsync(new PaperBatch($"warm-up-{batch++}", papers, []), cancellationToken);
        }

        await ingestor.WhenIndexedAsync(cancellationToken);
    }
}
