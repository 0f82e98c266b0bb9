using ChatBot.Core.Alerts;
using ChatBot.Hosting;
using ChatBot.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatBot.Alerts;

/// <summary>Matches new papers against alerts and sends what is pending: at start and then every minute.</summary>
internal sealed class AlertWorker(AlertDeliveryService service, IOptions<ShutdownOptions> shutdown, WorkerMetrics metrics, TimeProvider clock, ILogger<AlertWorker> logger)
    : PeriodicWorker("alerts", metrics, clock, TimeSpan.FromMinutes(1), shutdown.Value.GracePeriod, logger)
{
    protected override Task TickAsync(CancellationToken cancellationToken) => service.RunAsync(cancellationToken);
}
