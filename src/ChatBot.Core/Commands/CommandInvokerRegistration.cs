using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Core.Commands;

public static class CommandInvokerRegistration
{
    /// <summary>
    /// The <see cref="CommandInvoker"/> every platform hands its commands to, and its <see cref="CommandTracker"/> as a
    /// hosted service, so the host drains the commands under way when it stops. Safe to call more than once: Core and
    /// each platform call it.
    /// </summary>
    public static IServiceCollection AddCommandInvoker(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CommandTracker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CommandTracker>(provider => provider.GetRequiredService<CommandTracker>()));
        services.TryAddSingleton<CommandInvoker>();
        return services;
    }
}
