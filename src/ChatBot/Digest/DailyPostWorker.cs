using ChatBot.Core.Digest;
using ChatBot.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Digest;

/// <summary>Posts due daily threads: once at start (to catch up) and then every minute.</summary>
internal sealed class DailyPostWorker(DailyPostService service, IOptions<ShutdownOptions> shutdown, TimeProvider clock, ILogger<DailyPostWorker> logger)
    : PeriodicWorker(clock, TimeSpan.FromMinutes(1), shutdown.Value.GracePeriod, logger)
{
    protected override Task TickAsync(CancellationToken cancellationToken) => service.RunDueAsync(cancellationToken);
}
