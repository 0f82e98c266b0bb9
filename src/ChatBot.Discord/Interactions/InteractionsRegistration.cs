using ChatBot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Interactions;

internal static class InteractionsRegistration
{
    /// <summary>The public key's format check (always) and the handler both interaction paths share.</summary>
    public static void AddDiscordInteractions(IServiceCollection services, bool enabled)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordPublicKeyValidation>());
        if (!enabled)
        {
            return;
        }

        services.AddSingleton<DiscordInteractionParser>();
        services.AddSingleton<DiscordInteractionHandler>();
        services.AddSingleton<RecentInteractionResponses>();
        services.AddSingleton<IDiscordInteractionDispatcher>(provider => provider.GetRequiredService<DiscordInteractionHandler>());
    }
}
