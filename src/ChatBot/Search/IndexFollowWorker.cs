using ChatBot.Core.Cluster;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using ChatBot.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatBot.Search;

/// <summary>
/// With <c>Storage:Provider=postgres</c> other processes store papers too, so this process's own index catches up
/// from the shared store by revision: at once when the store signals new papers (<see cref="IPaperChangeFeed"/>,
/// PostgreSQL LISTEN/NOTIFY), and at the latest every <c>Storage:IndexFollowInterval</c>, the polling that covers a
/// lost signal or a dropped listening connection. Each catch-up is counted as a tick of <c>index-follow</c>.
/// </summary>
internal sealed class IndexFollowWorker(
    SearchIndexSynchronizer synchronizer,
    IPaperChangeFeed changes,
    IOptions<StorageOptions> storage,
    WorkerMetrics metrics,
    ILogger<IndexFollowWorker> logger)
    : BackgroundService
{
    private const string Name = "index-follow";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = storage.Value.IndexFollowInterval;
        try
        {
            do
            {
                try
                {
                    await synchronizer.EnsureCurrentAsync(progress: null, stoppingToken);
                    metrics.Ticked(Name, succeeded: true);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A failing catch-up is logged; the next signal or poll tries again.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Log.WorkerTickFailed(logger, nameof(IndexFollowWorker), e);
                    metrics.Ticked(Name, succeeded: false);
                }

                _ = await changes.WaitForChangeAsync(interval, stoppingToken);
            }
            while (!stoppingToken.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is not an error.
        }
    }
}
