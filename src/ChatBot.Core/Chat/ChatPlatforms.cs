using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Core.Chat;

/// <summary>Finds the <see cref="IChatPlatform"/> registered under a platform name (keyed services: discord, slack, console).</summary>
public sealed class ChatPlatforms(IServiceProvider services)
{
    public IChatPlatform? Find(string name) => services.GetKeyedService<IChatPlatform>(name);
}
