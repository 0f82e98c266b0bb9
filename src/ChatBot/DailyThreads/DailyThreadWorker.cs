using ChatBot.Core.DailyThreads;
using ChatBot.Hosting;
using ChatBot.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatBot.DailyThreads;

/// <summary>Posts due daily threads: once at start (to catch up) and then every minute.</summary>
internal sealed class DailyThreadWorker(DailyThreadService service, IOptions<ShutdownOptions> shutdown, WorkerMetrics metrics, TimeProvider clock, ILogger<DailyThreadWorker> logger)
    : PeriodicWorker("daily-threads", metrics, clock, TimeSpan.FromMinutes(1), shutdown.Value.GracePeriod, logger)
{
    protected override Task TickAsync(CancellationToken cancellationToken) => service.RunDueAsync(cancellationToken);
}
