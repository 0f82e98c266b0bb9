using ChatBot.Core.Chat;
using ChatBot.Core.Doctor;
using ChatBot.Core.Telemetry;
using ChatBot.Discord.Commands;
using ChatBot.Discord.Doctor;
using ChatBot.Discord.Platform;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord;

/// <summary>
/// The REST side of Discord: the client and its rate limiter, the platform the workers post
/// through (keyed <c>discord</c>), settings validation, the doctor's token check, and command
/// registration when a token and an application id are configured. Called by <see cref="DiscordRegistration.AddChatBotDiscord"/>.
/// </summary>
internal static class DiscordRestRegistration
{
    /// <summary>How long one HTTP attempt may take; retries come on top.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    public static void AddDiscordRest(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        // Core registers these too; here so the platform also stands alone (tests, other hosts).
        services.AddMetrics();
        services.TryAddSingleton<ChatBotMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());

        // No resilience handler: DiscordRestClient retries itself, on Discord's own rate limit timings.
        // No HttpClient request logging either: it logs full URIs, and interaction and webhook URIs hold
        // tokens. DiscordRestClient logs its failures and waits itself, by route template.
        services.AddHttpClient(DiscordRestClient.HttpClientName, client => client.Timeout = AttemptTimeout)
            .RemoveAllLoggers();
        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddSingleton<IDiscordRestClient, DiscordRestClient>();
        // One cache of long button commands per host: the renderer issues ids from it, the interaction parser reads them.
        services.TryAddSingleton<DiscordActionIds>();
        services.TryAddSingleton<DiscordReplyRenderer>();
        services.TryAddSingleton<DiscordPlatform>();
        services.TryAddKeyedSingleton<IChatPlatform>(DiscordPlatform.PlatformName, (provider, _) => provider.GetRequiredService<DiscordPlatform>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDoctorCheck, DiscordCheck>());

        var section = builder.Configuration.GetSection(DiscordOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.Token)]) && !string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.ApplicationId)]))
        {
            services.AddHostedService<DiscordCommandRegistrar>();
        }
    }
}
