using ChatBot.Core.Semantic;
using ChatBot.Hosting;
using ChatBot.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatBot.Semantic;

/// <summary>
/// Loads the embedding model and embeds papers whose vector is missing or stale, at start and then every
/// <c>Embeddings:Interval</c>; ingest never waits for it. A catch-up is persisted page by page, so a stop or a crash
/// resumes where it was. With the model off or unloadable, each tick does nothing.
/// </summary>
internal sealed class EmbeddingWorker(
    PaperVectorSynchronizer synchronizer,
    IOptions<EmbeddingsOptions> options,
    IOptions<ShutdownOptions> shutdown,
    WorkerMetrics metrics,
    TimeProvider clock,
    ILogger<EmbeddingWorker> logger)
    : PeriodicWorker("embeddings", metrics, clock, options.Value.Interval, shutdown.Value.GracePeriod, logger)
{
    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        // The model loads and runs on pool threads; yield first so the host's start never waits for it.
        await Task.Yield();
        var report = await synchronizer.CatchUpAsync(new LoggedVectorProgress(logger), cancellationToken);
        if (report.Reason is not (VectorSyncReason.Current or VectorSyncReason.Unavailable))
        {
            Log.VectorsSynchronized(logger, report.Reason, report.PapersEmbedded, report.Revision);
        }
    }
}
