using ChatBot.Core.Ingestion;
using ChatBot.Core.Papers;
using ChatBot.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Ingestion;

/// <summary>The index works on one stored chunk while the store takes the next; the ingest still ends searchable.</summary>
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

    private static Paper[] Papers(int count) =>
        [.. Enumerable.Range(1, count).Select(n => TestPapers.Arxiv($"2501.{n:00000}", $"Paper {n}"))];
}
