using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using ChatBot.Hosting;
using ChatBot.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatBot.Search;

/// <summary>
/// With <c>Storage:Provider=postgres</c> other processes store papers too, so this process's own index catches up
/// from the shared store by revision every <c>Storage:IndexFollowInterval</c>, not only after its own ingest. (A
/// LISTEN/NOTIFY wake-up comes later; this polling stays as its fallback.)
/// </summary>
internal sealed class IndexFollowWorker(
    SearchIndexSynchronizer synchronizer,
    IOptions<StorageOptions> storage,
    IOptions<ShutdownOptions> shutdown,
    WorkerMetrics metrics,
    TimeProvider clock,
    ILogger<IndexFollowWorker> logger)
    : PeriodicWorker("index-follow", metrics, clock, storage.Value.IndexFollowInterval, shutdown.Value.GracePeriod, logger)
{
    protected override Task TickAsync(CancellationToken cancellationToken) => synchronizer.EnsureCurrentAsync(progress: null, cancellationToken);
}
