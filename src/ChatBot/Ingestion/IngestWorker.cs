using ChatBot.Core.Ingestion;
using ChatBot.Health;
using Microsoft.Extensions.Options;

namespace ChatBot.Ingestion;

/// <summary>Asks every paper source for news at start and then every <c>Ingest:Interval</c>.</summary>
internal sealed class IngestWorker(
    IngestService ingest,
    IngestHealth health,
    IOptions<IngestOptions> options,
    TimeProvider timeProvider,
    ILogger<IngestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, timeProvider);
        try
        {
            do
            {
                try
                {
                    health.Record(await ingest.RunOnceAsync(stoppingToken));
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // A failing tick is logged; the next one tries again.
                    health.Failed(e.Message);
                    Log.IngestTickFailed(logger, e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
