using ChatBot.Benchmarks.Reporting;
using ChatBot.Benchmarks.Vectors;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// With <c>--hnsw</c> (or <c>--only hnsw</c>): exact int8 search against a USearch HNSW index at the run's paper count, random and clustered
/// vectors (<see cref="VectorRun"/>; the <c>vectors</c> command runs the same without ingesting papers).
/// </summary>
internal sealed class VectorIndexScenario : IBenchmarkScenario
{
    public const string ScenarioName = "hnsw";

    public string Name => ScenarioName;

    public Task RunAsync(BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        new VectorRun(context.Corpus.Count, context.Settings.Seed, [VectorShape.Random, VectorShape.Clustered], new HnswSettings())
            .Measure(report, context.Progress);
        return Task.CompletedTask;
    }
}
