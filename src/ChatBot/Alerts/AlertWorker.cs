using ChatBot.Core.Alerts;

namespace ChatBot.Alerts;

/// <summary>Matches new papers against alerts and sends what is pending: at start and then every minute, on the injected clock.</summary>
internal sealed class AlertWorker(AlertDeliveryService service, TimeProvider clock, ILogger<AlertWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, clock);
        do
        {
            try
            {
                await service.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing tick is logged; pending deliveries are retried on the next.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log.AlertTickFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
