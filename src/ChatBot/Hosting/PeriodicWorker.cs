namespace ChatBot.Hosting;

/// <summary>
/// A worker that runs one tick at start and then every <paramref name="period"/> on the injected
/// clock. A failing tick is logged and the next one tries again; stopping is not an error.
/// </summary>
internal abstract class PeriodicWorker(TimeProvider clock, TimeSpan period, ILogger logger) : BackgroundService
{
    protected abstract Task TickAsync(CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, clock);
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing tick is logged; the next tick tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log.WorkerTickFailed(logger, GetType().Name, e);
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
