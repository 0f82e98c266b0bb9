using ChatBot.Discord.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Discord.Gateway;

internal static class GatewayRegistration
{
    /// <summary>The gateway client and its worker; needs <c>IDiscordRestClient</c> and the interaction handler.</summary>
    public static void AddDiscordGateway(IServiceCollection services)
    {
        services.AddSingleton(new DiscordGatewaySettings());
        services.AddSingleton<DiscordGatewayClient>();
        services.AddSingleton<DiscordGatewayHealth>();
        services.AddHealthChecks().AddCheck<DiscordGatewayHealth>(DiscordPlatform.PlatformName);
        services.AddHostedService<DiscordGatewayWorker>();
    }
}
