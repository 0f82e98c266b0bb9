using ChatBot.Core.Commands;
using ChatBot.Discord.Gateway;
using ChatBot.Discord.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Interactions;

internal static class InteractionsRegistration
{
    /// <summary>The public key's format check (always) and the command adapter both interaction paths share.</summary>
    public static void AddDiscordInteractions(IServiceCollection services, bool enabled)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordPublicKeyValidation>());
        if (!enabled)
        {
            return;
        }

        services.AddCommandInvoker();
        services.AddSingleton<DiscordInteractionParser>();
        services.AddSingleton<DiscordCommandAdapter>();
        services.AddSingleton<RecentInteractionResponses>();
        services.AddSingleton<IDiscordInteractionDispatcher>(provider => provider.GetRequiredService<DiscordCommandAdapter>());
    }
}
