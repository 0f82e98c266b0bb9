using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Hosting;

/// <summary>
/// Wraps a registered singleton in a decorator while the container keeps creating (and disposing)
/// the original. Only type registrations can be wrapped; anything else is left as it is.
/// </summary>
internal static class ServiceDecoration
{
    public static bool TryDecorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        var index = services.Count - 1;
        while (index >= 0 && services[index].ServiceType != typeof(TService))
        {
            index--;
        }

        if (index < 0 || services[index] is not { ImplementationType: { } implementation, Lifetime: ServiceLifetime.Singleton })
        {
            return false;
        }

        services.RemoveAt(index);
        services.AddSingleton(implementation);
        services.AddSingleton(provider => decorate((TService)provider.GetRequiredService(implementation), provider));
        return true;
    }
}
