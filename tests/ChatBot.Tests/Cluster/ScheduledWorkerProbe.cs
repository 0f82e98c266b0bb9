using ChatBot.Cluster;
using ChatBot.Hosting;
using ChatBot.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Tests.Cluster;

/// <summary>Scheduled work that counts its ticks and holds each one until its token is cancelled (a send that never ends).</summary>
internal sealed class ScheduledWorkerProbe(WorkerMetrics metrics, TimeProvider clock, Leadership leadership)
    : PeriodicWorker("probe", metrics, clock, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(15), NullLogger.Instance, leadership)
{
    private int _started;
    private int _cancelled;

    public int Started => Volatile.Read(ref _started);

    public int Cancelled => Volatile.Read(ref _cancelled);

    protected override async Task TickAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _cancelled);
            throw;
        }
    }
}
