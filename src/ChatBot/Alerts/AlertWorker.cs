using ChatBot.Core.Alerts;
using ChatBot.Hosting;

namespace ChatBot.Alerts;

/// <summary>Matches new papers against alerts and sends what is pending: at start and then every minute.</summary>
internal sealed class AlertWorker(AlertDeliveryService service, TimeProvider clock, ILogger<AlertWorker> logger)
    : PeriodicWorker(clock, TimeSpan.FromMinutes(1), logger)
{
    protected override Task TickAsync(CancellationToken stoppingToken) => service.RunAsync(stoppingToken);
}
