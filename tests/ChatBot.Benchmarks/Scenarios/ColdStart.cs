using System.Diagnostics;
using ChatBot.Benchmarks.Hosting;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// Start to ready on the data the run left, once the measuring host is closed: a fresh host (new service
/// objects) opens the database and the index and brings the index up to the store, as the bot's index start-up
/// does before it takes commands. The process is already warm (JIT, disk cache), so a real start adds the runtime's
/// own start and JIT. The index must find itself current, and still agree with the store.
/// </summary>
internal static class ColdStart
{
    private const string Section = "Cold start";

    public static async Task MeasureAsync(string dataDirectory, int expectedPapers, BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var started = Stopwatch.GetTimestamp();
        using var host = BenchmarkHost.Build(dataDirectory);
        var built = Stopwatch.GetElapsedTime(started);
        var sync = await host.Services.GetRequiredService<SearchIndexSynchronizer>().EnsureCurrentAsync(progress: null, cancellationToken);
        var ready = Stopwatch.GetElapsedTime(started);
        if (sync.Reason != IndexSyncReason.Current)
        {
            throw new BenchmarkFailedException($"at cold start the index was not current with the store ({sync.Reason}, {sync.PapersIndexed} papers indexed again)");
        }

        await StoreIndexAgreement.CheckAsync(host.Services, expectedPapers, "at cold start", cancellationToken);
        report.Add(Section, "cold_start_ms", "open database and index, catch up", ready.TotalMilliseconds, "ms");
        report.Add(Section, "cold_start_host_ms", "  of which building the host", built.TotalMilliseconds, "ms");
    }
}
