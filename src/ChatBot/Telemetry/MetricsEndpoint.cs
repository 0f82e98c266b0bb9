using Prometheus;

namespace ChatBot.Telemetry;

/// <summary><c>GET /metrics</c>: the Prometheus scrape endpoint on the host's Kestrel (<c>Urls</c>).</summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IHostApplicationBuilder AddMetricsEndpoint(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PrometheusExport>();
        return builder;
    }

    /// <summary>Maps the endpoint and starts listening to the meter now, so nothing measured from the first command on is missed.</summary>
    public static IEndpointConventionBuilder MapMetricsEndpoint(this WebApplication app) =>
        app.MapMetrics(Path, app.Services.GetRequiredService<PrometheusExport>().Registry);
}
