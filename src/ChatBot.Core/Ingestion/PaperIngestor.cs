using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Ingestion;

/// <summary>
/// Stores what a source delivered. Large batches are split so that each transaction stays small
/// and an interrupted import keeps everything before the interruption. The search index applies a
/// stored chunk while the store takes the next one (one chunk in flight, in order): within a batch, and
/// across the batches of <see cref="StoreAsync"/>, whose caller ends with <see cref="WhenIndexedAsync"/>.
/// The index only ever sees committed chunks: a crash loses at most index work, which it catches up by revision.
/// </summary>
public sealed class PaperIngestor(IPaperStore store, SearchIndexSynchronizer index, IOptions<IngestOptions> options) : IDisposable
{
    // One caller at a time: the chunk in flight belongs to the batch stored last.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Task _indexing = Task.CompletedTask;

    /// <summary>
    /// Stores <paramref name="batch"/> and returns when it is searchable. When storing a chunk fails, the chunks stored
    /// before it are indexed before the failure is reported.
    /// </summary>
    public async Task<BatchOutcome> IngestAsync(PaperBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            return await StoreAsync(batch, cancellationToken);
        }
        finally
        {
            // Never leave index work running past the call, even when it failed or was cancelled.
            await WhenIndexedAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Stores <paramref name="batch"/> and returns when it is stored, while the index still applies its last chunk
    /// (the next call stores its first chunk meanwhile). Call <see cref="WhenIndexedAsync"/> after the last batch.
    /// When storing a chunk fails, the chunks stored before it are still indexed, and nothing of the failed one.
    /// </summary>
    public async Task<BatchOutcome> StoreAsync(PaperBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int created = 0, updated = 0, unchanged = 0;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var chunk in batch.Papers.Chunk(options.Value.BatchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var summary = await store.UpsertAsync(chunk, cancellationToken);
                // Whatever became of the chunk before (the synchronizer logs a failure; a cancelled one is caught
                // up by the next update, which then does not follow on), this one waits for it: in order.
                await _indexing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                // The store and the index are synchronous underneath: the index runs on the pool meanwhile. Not the
                // caller's token: the chunk is stored, and stopping now would only leave it to a catch-up.
                _indexing = Task.Run(() => index.ApplyAsync(summary.Changed, CancellationToken.None), CancellationToken.None);
                created += summary.New;
                updated += summary.Updated;
                unchanged += summary.Unchanged;
            }
        }
        finally
        {
            _gate.Release();
        }

        return new BatchOutcome(batch.Origin, batch.Papers.Count, created, updated, unchanged, batch.Rejections);
    }

    /// <summary>Waits until every chunk stored so far is indexed (or its update has failed, which the synchronizer logs).</summary>
    public async Task WhenIndexedAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _indexing;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
