using ChatBot.Cluster;
using ChatBot.Core.Ingestion;
using ChatBot.Health;
using ChatBot.Hosting;
using ChatBot.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatBot.Ingestion;

/// <summary>Asks every paper source for news at start and then every <c>Ingest:Interval</c>, on the leader only; each tick's outcome feeds readiness.</summary>
internal sealed class IngestWorker(
    IngestService ingest,
    IngestHealth health,
    IOptions<IngestOptions> options,
    IOptions<ShutdownOptions> shutdown,
    WorkerMetrics metrics,
    TimeProvider clock,
    ILogger<IngestWorker> logger,
    Leadership? leadership = null)
    : PeriodicWorker("ingest", metrics, clock, options.Value.Interval, shutdown.Value.GracePeriod, logger, leadership)
{
    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            health.Record(await ingest.RunOnceAsync(cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            health.Failed(e.Message);
            throw; // logged by the worker loop; the next tick tries again
        }
    }
}
