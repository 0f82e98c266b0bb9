using ChatBot.Cluster;
using ChatBot.Telemetry;

namespace ChatBot.Hosting;

/// <summary>
/// A worker that runs one tick at start and then every <paramref name="period"/> on the injected
/// clock. A failing tick is logged and the next one tries again; stopping is not an error. A tick
/// under way when the host stops gets <paramref name="gracePeriod"/> to finish its sends (it records
/// each as it goes) before its token is cancelled; no new tick starts. Each finished tick is counted in
/// <c>chatbot_worker_ticks_total{worker="<paramref name="name"/>"}</c>.
/// </summary>
/// <remarks>
/// Given a <paramref name="leadership"/>, the worker is scheduled work that runs on one process at a time: it ticks
/// only during this process's terms as leader (at once when a term starts, then every period), and a tick under way
/// when the term ends is cancelled at once, before another process can take the lease. Without one (or with LiteDB,
/// whose one term never ends) it behaves as above.
/// </remarks>
internal abstract class PeriodicWorker(string name, WorkerMetrics metrics, TimeProvider clock, TimeSpan period, TimeSpan gracePeriod, ILogger logger, Leadership? leadership = null)
    : BackgroundService
{
    /// <summary>True for scheduled work that runs only on the leader.</summary>
    public bool FollowsLeadership => leadership is not null;

    protected abstract Task TickAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var tickCancellation = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        using var onStop = stoppingToken.Register(() => tickCancellation.CancelAfter(gracePeriod));
        while (await WaitForTermAsync(stoppingToken) is { } term && await RunTermAsync(tickCancellation, term, stoppingToken))
        {
        }
    }

    /// <summary>Ticks until the host stops (false) or the term ends (true: wait for the next one).</summary>
    private async Task<bool> RunTermAsync(CancellationTokenSource tickCancellation, CancellationToken term, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, clock);
        using var ticks = CancellationTokenSource.CreateLinkedTokenSource(tickCancellation.Token, term);
        using var waits = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term);
        do
        {
            try
            {
                await TickAsync(ticks.Token);
                metrics.Ticked(name, succeeded: true);
            }
            catch (OperationCanceledException) when (tickCancellation.IsCancellationRequested)
            {
                return false;
            }
            catch (OperationCanceledException) when (term.IsCancellationRequested)
            {
                Log.WorkerStoppedLeadershipLost(logger, name);
                return true;
            }
#pragma warning disable CA1031 // A failing tick is logged; the next tick tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log.WorkerTickFailed(logger, GetType().Name, e);
                metrics.Ticked(name, succeeded: false);
            }
        }
        while (await WaitAsync(timer, waits.Token));
        return !stoppingToken.IsCancellationRequested;
    }

    private Task<CancellationToken?> WaitForTermAsync(CancellationToken stoppingToken) =>
        leadership?.WaitForTermAsync(stoppingToken)
        ?? Task.FromResult<CancellationToken?>(stoppingToken.IsCancellationRequested ? null : CancellationToken.None);

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
