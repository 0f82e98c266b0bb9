using ChatBot.Cluster;
using ChatBot.Core.Alerts;
using ChatBot.Hosting;
using ChatBot.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatBot.Alerts;

/// <summary>Matches new papers against alerts and sends what is pending, on the leader only: at start or takeover and then every minute.</summary>
internal sealed class AlertWorker(AlertDeliveryService service, IOptions<ShutdownOptions> shutdown, WorkerMetrics metrics, TimeProvider clock, ILogger<AlertWorker> logger, Leadership? leadership = null)
    : PeriodicWorker("alerts", metrics, clock, TimeSpan.FromMinutes(1), shutdown.Value.GracePeriod, logger, leadership)
{
    protected override Task TickAsync(CancellationToken cancellationToken) => service.RunAsync(cancellationToken);
}
