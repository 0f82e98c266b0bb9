using System.Text.Json;

namespace ChatBot.Discord.Gateway;

/// <summary>Receives each INTERACTION_CREATE payload of the gateway once (replays are filtered out before).</summary>
internal interface IDiscordInteractionDispatcher
{
    Task DispatchAsync(JsonElement interaction, CancellationToken cancellationToken);
}
