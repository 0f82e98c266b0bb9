using ChatBot.Core.Search;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Search;

public sealed class SearchIndexSynchronizerTests : IDisposable
{
    private readonly InMemoryPaperStore _store = new(new FakeTimeProvider());
    private readonly RecordingSearchIndex _index = new();
    private readonly SearchIndexSynchronizer _synchronizer;

    public SearchIndexSynchronizerTests() =>
        _synchronizer = new SearchIndexSynchronizer(_store, _index, NullLogger<SearchIndexSynchronizer>.Instance);

    public void Dispose() => _synchronizer.Dispose();

    [Fact]
    public async Task Stored_changes_that_follow_on_are_indexed_as_given()
    {
        var summary = await _store.UpsertAsync([TestPapers.Arxiv("2501.00001", "A"), TestPapers.Arxiv("2501.00002", "B")]);

        await _synchronizer.ApplyAsync(summary.Changed, CancellationToken.None);

        Assert.Equal(2, (await _index.GetStateAsync()).LastRevision);
        Assert.Equal(2, _index.Papers.Count);
    }

    [Fact]
    public async Task A_missed_update_is_read_back_from_the_store_instead_of_skipped()
    {
        await _store.UpsertAsync([TestPapers.Arxiv("2501.00001", "A")]); // never given to the index
        var summary = await _store.UpsertAsync([TestPapers.Arxiv("2501.00002", "B")]);

        await _synchronizer.ApplyAsync(summary.Changed, CancellationToken.None);

        Assert.Equal(["A", "B"], _index.Papers.Select(p => p.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_index_behind_the_store_catches_up_on_start_with_progress()
    {
        await _store.UpsertAsync([.. Enumerable.Range(1, 2500).Select(i => TestPapers.Arxiv($"2501.{i:00000}", $"Paper {i}"))]);
        var progress = new List<IndexProgress>();

        var report = await _synchronizer.EnsureCurrentAsync(new SynchronousProgress(progress.Add), CancellationToken.None);

        Assert.Equal(IndexSyncReason.Missing, report.Reason);
        Assert.Equal(2500, report.PapersIndexed);
        Assert.Equal(2500, _index.Papers.Count);
        Assert.Equal(1.0, progress[^1].Fraction);
        Assert.True(progress.Count >= 3, "one report per page of 1000 and one at the start");
    }

    [Fact]
    public async Task A_current_index_is_left_alone()
    {
        var summary = await _store.UpsertAsync([TestPapers.Arxiv("2501.00001", "A")]);
        await _synchronizer.ApplyAsync(summary.Changed, CancellationToken.None);
        var calls = _index.IndexCalls;

        var report = await _synchronizer.EnsureCurrentAsync(null, CancellationToken.None);

        Assert.Equal(IndexSyncReason.Current, report.Reason);
        Assert.Equal(calls, _index.IndexCalls);
    }

    [Fact]
    public async Task An_index_ahead_of_the_store_is_cleared_and_rebuilt()
    {
        await _index.IndexAsync([TestPapers.Arxiv("2601.00001", "From another database") with { Revision = 50 }]);
        await _store.UpsertAsync([TestPapers.Arxiv("2501.00001", "A")]);

        var report = await _synchronizer.EnsureCurrentAsync(null, CancellationToken.None);

        Assert.Equal(IndexSyncReason.Ahead, report.Reason);
        Assert.Equal(["A"], _index.Papers.Select(p => p.Title));
    }

    [Fact]
    public async Task Rebuild_replaces_everything_the_index_held()
    {
        await _index.IndexAsync([TestPapers.Arxiv("2601.00001", "Stale") with { Revision = 1 }]);
        await _store.UpsertAsync([TestPapers.Arxiv("2501.00001", "A"), TestPapers.Arxiv("2501.00002", "B")]);

        var report = await _synchronizer.RebuildAsync(null, CancellationToken.None);

        Assert.Equal(2, report.PapersIndexed);
        Assert.Equal(["A", "B"], _index.Papers.Select(p => p.Title).Order(StringComparer.Ordinal));
    }

    // Progress<T> posts to the thread pool; tests need the reports in order, now.
    private sealed class SynchronousProgress(Action<IndexProgress> report) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => report(value);
    }
}
