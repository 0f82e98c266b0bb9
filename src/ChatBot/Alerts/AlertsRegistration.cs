using ChatBot.Cluster;
using ChatBot.Hosting;

namespace ChatBot.Alerts;

internal static class AlertsRegistration
{
    /// <summary>The worker that matches new papers against alerts and sends what is due, every minute.</summary>
    public static IHostApplicationBuilder AddAlertWorker(this IHostApplicationBuilder builder)
    {
        builder.AddLeadership();
        builder.Services.AddPeriodicWorker<AlertWorker>();
        return builder;
    }
}
