using ChatBot.Benchmarks.Reporting;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>One measured activity. Scenarios run in order on the same host and data folder.</summary>
internal interface IBenchmarkScenario
{
    string Name { get; }

    Task RunAsync(BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken);
}
