using ChatBot.Benchmarks.Corpus;
using ChatBot.Benchmarks.Hosting;
using ChatBot.Core.Ingestion;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// Runs the first <see cref="EngineFloorScenario.WarmUpPapers"/> records of the corpus, then one round of their upvote
/// updates, through a throwaway store and index of their own, untimed, before ingest is timed: the JIT compiles the
/// ingest's code (a tenth of its CPU time at 100,000 papers when timed cold), as the floor warms its engines up first.
/// Both figures are then a running bot's steady speed, and the benchmark's database stays exactly the corpus.
/// </summary>
internal static class IngestWarmUp
{
    public static async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
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
