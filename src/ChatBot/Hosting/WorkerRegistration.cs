using ChatBot.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Hosting;

internal static class WorkerRegistration
{
    /// <summary>A <see cref="PeriodicWorker"/> as a hosted service, with the tick counter every worker reports to.</summary>
    public static IServiceCollection AddPeriodicWorker<TWorker>(this IServiceCollection services)
        where TWorker : PeriodicWorker
    {
        services.TryAddSingleton<WorkerMetrics>();
        services.AddHostedService<TWorker>();
        return services;
    }
}
