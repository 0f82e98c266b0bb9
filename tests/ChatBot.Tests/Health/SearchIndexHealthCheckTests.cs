using ChatBot.Core.Search;
using ChatBot.Health;
using ChatBot.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Tests.Health;

/// <summary>Search-index readiness: not ready until caught up at start, nor after a failed update; ready again once one succeeds.</summary>
public sealed class SearchIndexHealthCheckTests : IDisposable
{
    private readonly InMemoryPaperStore _store = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)));
    private readonly RecordingSearchIndex _index = new();
    private readonly SearchIndexSynchronizer _synchronizer;
    private readonly SearchIndexHealthCheck _check;

    public SearchIndexHealthCheckTests()
    {
        _synchronizer = new SearchIndexSynchronizer(_store, _index, NullLogger<SearchIndexSynchronizer>.Instance);
        _check = new SearchIndexHealthCheck(_synchronizer, _index, _store);
    }

    public void Dispose() => _synchronizer.Dispose();

    [Fact]
    public async Task Not_ready_before_the_start_up_catch_up_then_ready_with_the_revisions()
    {
        await _store.UpsertAsync([TestPapers.Arxiv("2501.00001", "One"), TestPapers.Arxiv("2501.00002", "Two")]);
        var before = await _check.CheckHealthAsync(new HealthCheckContext());

        await _synchronizer.EnsureCurrentAsync(progress: null, CancellationToken.None);
        var after = await _check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal((HealthStatus.Unhealthy, "catching up with the database"), (before.Status, before.Description));
        Assert.Equal((HealthStatus.Healthy, "2 papers, at revision 2 of 2"), (after.Status, after.Description));
    }

    [Fact]
    public async Task A_failed_update_makes_it_not_ready_until_the_next_update_succeeds()
    {
        await _synchronizer.EnsureCurrentAsync(progress: null, CancellationToken.None);
        _index.FailWith = new IOException("disk full");
        await _synchronizer.ApplyAsync(await Stored("2501.00001"), CancellationToken.None);
        var failed = await _check.CheckHealthAsync(new HealthCheckContext());

        _index.FailWith = null;
        await _synchronizer.ApplyAsync(await Stored("2501.00002"), CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, failed.Status);
        Assert.Contains("disk full", failed.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, (await _check.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(2, _index.Papers.Count);
    }

    private async Task<IReadOnlyList<Core.Papers.Paper>> Stored(string arxivId)
    {
        await _store.UpsertAsync([TestPapers.Arxiv(arxivId, arxivId)]);
        return [.. _store.All.Where(p => p.Id.Value.EndsWith(arxivId, StringComparison.Ordinal))];
    }
}
