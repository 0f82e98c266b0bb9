using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Ingestion;

/// <summary>
/// Stores what a source delivered. Large batches are split so that each transaction stays small
/// and an interrupted import keeps everything before the interruption. Each stored chunk goes to
/// the search index before the next is stored, so a batch is searchable when its ingest ends.
/// </summary>
public sealed class PaperIngestor(IPaperStore store, SearchIndexSynchronizer index, IOptions<IngestOptions> options)
{
    public async Task<BatchOutcome> IngestAsync(PaperBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var chunk in batch.Papers.Chunk(options.Value.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var summary = await store.UpsertAsync(chunk, cancellationToken);
            await index.ApplyAsync(summary.Changed, cancellationToken);
            created += summary.New;
            updated += summary.Updated;
            unchanged += summary.Unchanged;
        }

        return new BatchOutcome(batch.Origin, batch.Papers.Count, created, updated, unchanged, batch.Rejections);
    }
}
