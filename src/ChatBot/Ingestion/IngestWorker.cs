using ChatBot.Core.Ingestion;
using ChatBot.Health;
using ChatBot.Hosting;
using ChatBot.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatBot.Ingestion;

/// <summary>Asks every paper source for news at start and then every <c>Ingest:Interval</c>; each tick's outcome feeds readiness.</summary>
internal sealed class IngestWorker(
    IngestService ingest,
    IngestHealth health,
    IOptions<IngestOptions> options,
    IOptions<ShutdownOptions> shutdown,
    WorkerMetrics metrics,
    TimeProvider clock,
    ILogger<IngestWorker> logger)
    : PeriodicWorker("ingest", metrics, clock, options.Value.Interval, shutdown.Value.GracePeriod, logger)
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
