using ChatBot.Core.Digest;
using ChatBot.Hosting;

namespace ChatBot.Digest;

/// <summary>Posts due daily threads: once at start (to catch up) and then every minute.</summary>
internal sealed class DailyPostWorker(DailyPostService service, TimeProvider clock, ILogger<DailyPostWorker> logger)
    : PeriodicWorker(clock, TimeSpan.FromMinutes(1), logger)
{
    protected override Task TickAsync(CancellationToken stoppingToken) => service.RunDueAsync(stoppingToken);
}
