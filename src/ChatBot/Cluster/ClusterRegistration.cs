using ChatBot.Core.Cluster;
using ChatBot.Core.Storage;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBot.Cluster;

internal static class ClusterRegistration
{
    /// <summary>
    /// Who leads the scheduled work. With LiteDB this process always does. With PostgreSQL (a lease store is
    /// registered) <see cref="LeaderElection"/> decides by the lease, and <c>/readyz</c> shows it as <c>leadership</c>.
    /// Called by each scheduled worker's registration; the first call registers.
    /// </summary>
    public static IHostApplicationBuilder AddLeadership(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(Leadership)))
        {
            return builder;
        }

        builder.Services.AddSingleton(services =>
        {
            var (clock, meters, logger) = (services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IMeterFactory>(), services.GetRequiredService<ILogger<Leadership>>());
            return services.GetService<ILeaseStore>() is null ? Leadership.Always(clock, meters, logger) : Leadership.Elected(clock, meters, logger);
        });
        // Validated with LiteDB too (where they are not used), so a wrong value is found before it matters.
        builder.Services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        if (!StorageOptions.PostgresConfigured(builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddHostedService<LeaderElection>();
        builder.Services.AddHealthChecks().AddCheck<LeadershipHealthCheck>("leadership");
        return builder;
    }
}
