using ChatBot.Telemetry;

namespace ChatBot.Hosting;

/// <summary>
/// A worker that runs one tick at start and then every <paramref name="period"/> on the injected
/// clock. A failing tick is logged and the next one tries again; stopping is not an error. A tick
/// under way when the host stops gets <paramref name="gracePeriod"/> to finish its sends (it records
/// each as it goes) before its token is cancelled; no new tick starts. Each finished tick is counted in
/// <c>chatbot_worker_ticks_total{worker="<paramref name="name"/>"}</c>.
/// </summary>
internal abstract class PeriodicWorker(string name, WorkerMetrics metrics, TimeProvider clock, TimeSpan period, TimeSpan gracePeriod, ILogger logger)
    : BackgroundService
{
    protected abstract Task TickAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, clock);
        using var tickCancellation = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        using var onStop = stoppingToken.Register(() => tickCancellation.CancelAfter(gracePeriod));
        do
        {
            try
            {
                await TickAsync(tickCancellation.Token);
                metrics.Ticked(name, succeeded: true);
            }
            catch (OperationCanceledException) when (tickCancellation.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing tick is logged; the next tick tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log.WorkerTickFailed(logger, GetType().Name, e);
                metrics.Ticked(name, succeeded: false);
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
