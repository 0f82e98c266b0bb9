using ChatBot.Discord.Gateway;
using ChatBot.Discord.Interactions;
using ChatBot.Discord.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Discord;

public static class DiscordRegistration
{
    /// <summary>The Discord platform: options always (validated at start); clients and workers when a token or public key is set.</summary>
    public static IHostApplicationBuilder AddChatBotDiscord(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DiscordOptions>()
            .BindConfiguration(DiscordOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        DiscordRestRegistration.AddDiscordRest(builder);
        var section = builder.Configuration.GetSection(DiscordOptions.SectionName);
        var gateway = !string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.Token)]);
        var endpoint = !string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.PublicKey)]);
        InteractionsRegistration.AddDiscordInteractions(builder.Services, gateway || endpoint);
        if (gateway)
        {
            GatewayRegistration.AddDiscordGateway(builder.Services);
        }
        else if (endpoint)
        {
            // Interactions come over HTTP only: serving /readyz means the endpoint is served too.
            builder.Services.AddHealthChecks().AddCheck(DiscordPlatform.PlatformName, () => HealthCheckResult.Healthy("interactions endpoint served at POST /discord/interactions"));
        }

        return builder;
    }
}
