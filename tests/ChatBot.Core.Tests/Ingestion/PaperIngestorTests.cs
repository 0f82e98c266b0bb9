using ChatBot.Core.Ingestion;
using ChatBot.Core.Papers;
using ChatBot.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Ingestion;

/// <summary>
/// The index works on one stored chunk while the store takes the next, within a batch and from one batch to the next;
/// an ingest still ends searchable, a failed store indexes nothing it did not commit, and a failed index loses no paper.
/// </summary>
public sealed class PaperIngestorTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Every_chunk_of_a_batch_is_indexed_in_order_when_the_ingest_returns()
    {
        var store = new InMemoryPaperStore(_clock);
        var index = new RecordingSearchIndex();
        var ingestor = TestIngestor.Create(store, Options.Create(new IngestOptions { BatchSize = 2 }), index);

        var outcome = await ingestor.IngestAsync(new PaperBatch("five", Papers(5), []), CancellationToken.None);

        Assert.Equal(5, outcome.New);
        Assert.Equal(3, index.IndexCalls);
        Assert.Equal([1L, 2, 3, 4, 5], index.Papers.Select(p => p.Revision).Order());
        Assert.Equal(5, (await index.GetStateAsync()).LastRevision);
    }

    [Fact]
    public async Task When_a_later_chunk_cannot_be_stored_the_chunks_stored_before_it_are_indexed_before_the_failure_is_reported()
    {
        var store = new StoreFailingAfter(new InMemoryPaperStore(_clock), upserts: 2);
        var index = new RecordingSearchIndex();
        var ingestor = TestIngestor.Create(store, Options.Create(new IngestOptions { BatchSize = 2 }), index);

        await Assert.ThrowsAsync<IOException>(() => ingestor.IngestAsync(new PaperBatch("five", Papers(5), []), CancellationToken.None));

        Assert.Equal([1L, 2, 3, 4], index.Papers.Select(p => p.Revision).Order());
    }

    [Fact]
    public async Task The_index_works_on_a_stored_batch_while_the_store_takes_the_next_and_applies_them_in_order()
    {
        var store = new InMemoryPaperStore(_clock);
        using var index = new GatedSearchIndex();
        var ingestor = TestIngestor.Create(store, Options.Create(new IngestOptions { BatchSize = 2 }), index);

        var first = await ingestor.StoreAsync(new PaperBatch("first", Papers(1, 2), []), CancellationToken.None);
        Assert.Equal([1L, 2], await index.Started.ReadAsync());
        var second = ingestor.StoreAsync(new PaperBatch("second", Papers(3, 2), []), CancellationToken.None);

        // The second batch is stored while the index still holds the first: it waits for that update, not for the store.
        Assert.Equal(2, first.New);
        Assert.Equal(4, (await store.GetStatsAsync()).Papers);
        Assert.False(second.IsCompleted);
        Assert.Empty(index.Papers);
        index.Release();
        Assert.Equal([3L, 4], await index.Started.ReadAsync());
        Assert.Equal(2, (await second).New);
        index.Release();
        await ingestor.WhenIndexedAsync(CancellationToken.None);
        Assert.Equal([1L, 2, 3, 4], index.Papers.Select(p => p.Revision).Order());
    }

    [Fact]
    public async Task A_batch_the_store_cannot_take_is_not_indexed_and_the_batch_stored_before_it_still_is()
    {
        var store = new StoreFailingAfter(new InMemoryPaperStore(_clock), upserts: 1);
        using var index = new GatedSearchIndex();
        var ingestor = TestIngestor.Create(store, Options.Create(new IngestOptions { BatchSize = 2 }), index);

        await ingestor.StoreAsync(new PaperBatch("first", Papers(1, 2), []), CancellationToken.None);
        Assert.Equal([1L, 2], await index.Started.ReadAsync());
        await Assert.ThrowsAsync<IOException>(() => ingestor.StoreAsync(new PaperBatch("second", Papers(3, 2), []), CancellationToken.None));
        index.Release();
        await ingestor.WhenIndexedAsync(CancellationToken.None);

        Assert.Equal(["2501.00001", "2501.00002"], index.Papers.Select(p => p.ArxivId).Order());
        Assert.Equal(2, (await store.GetStatsAsync()).Papers);
        Assert.False(index.Started.TryRead(out _));
    }

    [Fact]
    public async Task Papers_stored_while_the_index_failed_are_indexed_by_the_next_update()
    {
        var store = new InMemoryPaperStore(_clock);
        var index = new RecordingSearchIndex { FailWith = new IOException("index disk full") };
        var ingestor = TestIngestor.Create(store, Options.Create(new IngestOptions { BatchSize = 2 }), index);

        await ingestor.StoreAsync(new PaperBatch("first", Papers(1, 2), []), CancellationToken.None);
        await ingestor.WhenIndexedAsync(CancellationToken.None);
        Assert.Empty(index.Papers);
        Assert.Equal(2, (await store.GetStatsAsync()).Papers);
        index.FailWith = null;
        await ingestor.StoreAsync(new PaperBatch("second", Papers(3, 2), []), CancellationToken.None);
        await ingestor.WhenIndexedAsync(CancellationToken.None);

        Assert.Equal([1L, 2, 3, 4], index.Papers.Select(p => p.Revision).Order());
    }

    private static Paper[] Papers(int count) => Papers(1, count);

    private static Paper[] Papers(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(n => TestPapers.Arxiv($"2501.{n:00000}", $"Paper {n}"))];
}
