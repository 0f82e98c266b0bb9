using ChatBot.Core.Ingestion;
using ChatBot.Health;
using ChatBot.Hosting;
using ChatBot.Ingestion;
using ChatBot.Telemetry;
using ChatBot.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Tests.Ingestion;

public sealed class IngestWorkerTests
{
    [Fact]
    public async Task The_worker_ingests_at_start_and_then_once_per_interval_on_the_injected_clock()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new IngestOptions { Interval = TimeSpan.FromMinutes(30) });
        var store = new InMemoryPaperStore(clock);
        var source = new ScriptedPaperSource("huggingface")
            .Then(new PaperBatch("p0", [TestPapers.Arxiv("2501.00001", "One")], []))
            .ThenFail("boom")
            .Then(new PaperBatch("p0", [TestPapers.Arxiv("2501.00002", "Two")], []));
        var service = new IngestService([source], TestIngestor.Create(store, options), TestMetrics.Unobserved, clock, options, NullLogger<IngestService>.Instance);
        var health = new IngestHealth(options, clock);
        using var meters = new TestMeterFactory();
        using var worker = new IngestWorker(service, health, options, Options.Create(new ShutdownOptions()), new WorkerMetrics(meters), clock, NullLogger<IngestWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => source.FetchCount == 1);
        // The worker's tick timer, seen on the clock, is what a second fetch waits for; the fake clock fires it only when due.
        await clock.NextTimerAsync(due => due == TimeSpan.FromMinutes(30));
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(1, source.FetchCount);

        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitUntilAsync(() => source.FetchCount == 2); // fails, and the loop goes on
        await WaitUntilAsync(() => Describe(health).Contains("boom", StringComparison.Ordinal));
        clock.Advance(TimeSpan.FromMinutes(30));
        await WaitUntilAsync(() => store.All.Count == 2);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(["One", "Two"], store.All.Select(p => p.Title));
    }

    private static string Describe(IngestHealth health) =>
        health.CheckHealthAsync(new HealthCheckContext()).Result.Description ?? "";

    private static Task WaitUntilAsync(Func<bool> condition) => Poll.UntilAsync(condition, TimeSpan.FromSeconds(10), "the ingest worker's condition");
}
