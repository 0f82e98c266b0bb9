using ChatBot.Cluster;
using ChatBot.Core.DailyThreads;
using ChatBot.Hosting;
using ChatBot.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatBot.DailyThreads;

/// <summary>Posts due daily threads, on the leader only: once at start or takeover (to catch up or resume) and then every minute.</summary>
internal sealed class DailyThreadWorker(DailyThreadService service, IOptions<ShutdownOptions> shutdown, WorkerMetrics metrics, TimeProvider clock, ILogger<DailyThreadWorker> logger, Leadership? leadership = null)
    : PeriodicWorker("daily-threads", metrics, clock, TimeSpan.FromMinutes(1), shutdown.Value.GracePeriod, logger, leadership)
{
    protected override Task TickAsync(CancellationToken cancellationToken) => service.RunDueAsync(cancellationToken);
}
