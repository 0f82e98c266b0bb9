using ChatBot.Core.Ingestion;
using ChatBot.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Ingestion;

public sealed class IngestServiceTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
    private readonly TestMetrics _metrics = new();

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task A_tick_stores_every_sources_papers_and_reports_per_source()
    {
        var store = new InMemoryPaperStore(_clock);
        var hf = new ScriptedPaperSource("huggingface").Then(
            new PaperBatch("hf p0", [TestPapers.Arxiv("2501.00001", "One"), TestPapers.Arxiv("2501.00002", "Two")], []));
        var files = new ScriptedPaperSource("inbox").Then(
            new PaperBatch("a.txt", [TestPapers.Titled("Two"), TestPapers.Titled("Three")], [new Rejection("a.txt", 7, "no abstract")]));
        var service = Service(store, hf, files);

        var reports = await service.RunOnceAsync(CancellationToken.None);

        Assert.Equal(new SourceReport("huggingface", 2, 0, 0, 0), reports[0]);
        Assert.Equal(new SourceReport("inbox", 1, 1, 0, 1), reports[1]);
        Assert.Equal(3, store.All.Count);
    }

    [Fact]
    public async Task A_failing_source_does_not_stop_the_others()
    {
        var store = new InMemoryPaperStore(_clock);
        var broken = new ScriptedPaperSource("huggingface").ThenFail("500 Internal Server Error");
        var healthy = new ScriptedPaperSource("arxiv").Then(new PaperBatch("arxiv p0", [TestPapers.Arxiv("2501.00003", "Three")], []));
        var service = Service(store, broken, healthy);

        var reports = await service.RunOnceAsync(CancellationToken.None);

        Assert.True(reports[0].Failed);
        Assert.Contains("500", reports[0].Error, StringComparison.Ordinal);
        Assert.Equal(1, reports[1].New);
        Assert.Single(store.All);
        Assert.False(service.LastTick!.Value.Succeeded);
    }

    [Fact]
    public async Task A_source_failing_again_and_again_is_asked_less_and_less_often_until_it_recovers()
    {
        var source = new ScriptedPaperSource("huggingface").ThenFail("down").ThenFail("down").ThenFail("down");
        var service = Service(new InMemoryPaperStore(_clock), source);
        var askedAtTick = new List<int>();

        for (var tick = 0; tick < 12; tick++)
        {
            var before = source.FetchCount;
            await service.RunOnceAsync(CancellationToken.None);
            if (source.FetchCount > before)
            {
                askedAtTick.Add(tick);
            }

            _clock.Advance(Interval);
        }

        // Fails at 0 (retry after 1 interval), 1 (after 2), 3 (after 4); recovers at 7 and is then asked every tick.
        Assert.Equal([0, 1, 3, 7, 8, 9, 10, 11], askedAtTick);
    }

    [Fact]
    public async Task Papers_stored_and_failing_sources_are_counted_per_source()
    {
        using var ingested = _metrics.Counter("papers_ingested_total");
        using var errors = _metrics.Counter("ingest_errors_total");
        var hf = new ScriptedPaperSource("huggingface").Then(
            new PaperBatch("hf p0", [TestPapers.Arxiv("2501.00001", "One"), TestPapers.Arxiv("2501.00002", "Two")], []));
        var files = new ScriptedPaperSource("inbox").Then(new PaperBatch("a.txt", [TestPapers.Titled("Two"), TestPapers.Titled("Three")], []));
        var broken = new ScriptedPaperSource("arxiv").ThenFail("503 Service Unavailable");
        var service = Service(new InMemoryPaperStore(_clock), hf, files, broken);

        await service.RunOnceAsync(CancellationToken.None);

        Assert.Equal(
            ["huggingface new 2", "inbox new 1", "inbox updated 1"],
            ingested.GetMeasurementSnapshot().Select(m => $"{m.Tags["source"]} {m.Tags["change"]} {m.Value}"));
        var error = Assert.Single(errors.GetMeasurementSnapshot());
        Assert.Equal(("arxiv", 1L), (error.Tags["source"], error.Value));
    }

    [Fact]
    public async Task Stopping_the_host_cancels_a_fetch_at_once_though_the_tick_still_has_its_grace_and_it_is_no_failure()
    {
        using var errors = _metrics.Counter("ingest_errors_total");
        var hanging = new ScriptedPaperSource("arxiv").ThenHang();
        var later = new ScriptedPaperSource("inbox");
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var service = Service(new InMemoryPaperStore(_clock), lifetime, hanging, later);
        var tick = service.RunOnceAsync(CancellationToken.None); // the worker's token: not cancelled during the grace period

        await hanging.Hanging.WaitAsync(TimeSpan.FromSeconds(10));
        lifetime.StopApplication();
        var reports = await tick.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(reports);
        Assert.Equal(0, later.FetchCount);
        Assert.Empty(errors.GetMeasurementSnapshot());
    }

    private IngestService Service(InMemoryPaperStore store, params IPaperSource[] sources) => Service(store, null, sources);

    private IngestService Service(InMemoryPaperStore store, IHostApplicationLifetime? lifetime, params IPaperSource[] sources)
    {
        var options = Options.Create(new IngestOptions { Interval = Interval, MaxBackoff = TimeSpan.FromHours(6) });
        return new IngestService(sources, TestIngestor.Create(store, options), _metrics.Metrics, _clock, options, NullLogger<IngestService>.Instance, lifetime);
    }
}
