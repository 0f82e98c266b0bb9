using ChatBot.Core.Chat;
using ChatBot.Discord.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Discord.Gateway;

internal static class GatewayRegistration
{
    /// <summary>
    /// One gateway client per shard this process runs, and their worker; needs <c>IDiscordRestClient</c> and the
    /// interaction handler. Identify pacing is this process's own unless storage registered a shared
    /// <see cref="IIdentifyGate"/> (PostgreSQL: one per database, for every process).
    /// </summary>
    public static void AddDiscordGateway(IServiceCollection services)
    {
        services.AddSingleton(new DiscordGatewaySettings());
        services.TryAddSingleton<IIdentifyGate, InProcessIdentifyGate>();
        services.AddSingleton<DiscordGatewayShards>();
        services.AddSingleton<DiscordShardsHealth>();
        services.AddHealthChecks().AddCheck<DiscordShardsHealth>(DiscordPlatform.PlatformName);
        services.AddHostedService<DiscordGatewayWorker>();
    }
}
