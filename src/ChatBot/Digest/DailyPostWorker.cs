using ChatBot.Core.Digest;
using ChatBot.Hosting;
using ChatBot.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatBot.Digest;

/// <summary>Posts due daily threads: once at start (to catch up) and then every minute.</summary>
internal sealed class DailyPostWorker(DailyPostService service, IOptions<ShutdownOptions> shutdown, WorkerMetrics metrics, TimeProvider clock, ILogger<DailyPostWorker> logger)
    : PeriodicWorker("daily-threads", metrics, clock, TimeSpan.FromMinutes(1), shutdown.Value.GracePeriod, logger)
{
    protected override Task TickAsync(CancellationToken cancellationToken) => service.RunDueAsync(cancellationToken);
}
