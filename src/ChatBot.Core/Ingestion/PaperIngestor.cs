using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Ingestion;

/// <summary>
/// Stores what a source delivered. Large batches are split so that each transaction stays small
/// and an interrupted import keeps everything before the interruption. The search index applies a
/// stored chunk while the store takes the next one (one chunk in flight, in order), and the last
/// chunk is indexed before the call returns, so a batch is searchable when its ingest ends. The index
/// only ever sees committed chunks: a crash loses at most index work, which it catches up by revision.
/// </summary>
public sealed class PaperIngestor(IPaperStore store, SearchIndexSynchronizer index, IOptions<IngestOptions> options)
{
    public async Task<BatchOutcome> IngestAsync(PaperBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int created = 0, updated = 0, unchanged = 0;
        var indexing = Task.CompletedTask;
        try
        {
            foreach (var chunk in batch.Papers.Chunk(options.Value.BatchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var summary = await store.UpsertAsync(chunk, cancellationToken);
                await indexing;
                // The store and the index are synchronous underneath: the index runs on the pool meanwhile.
                indexing = Task.Run(() => index.ApplyAsync(summary.Changed, cancellationToken), cancellationToken);
                created += summary.New;
                updated += summary.Updated;
                unchanged += summary.Unchanged;
            }
        }
        finally
        {
            // Never leave index work running past the call, even when storing a later chunk failed.
            await indexing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await indexing;
        return new BatchOutcome(batch.Origin, batch.Papers.Count, created, updated, unchanged, batch.Rejections);
    }
}
