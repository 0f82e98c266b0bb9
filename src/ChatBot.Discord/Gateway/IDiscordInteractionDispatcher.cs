using System.Text.Json;

namespace ChatBot.Discord.Gateway;

/// <summary>Receives each INTERACTION_CREATE payload of the gateway once (replays are filtered out before).</summary>
internal interface IDiscordInteractionDispatcher
{
    /// <summary>
    /// Hands over <paramref name="interaction"/>, received at <paramref name="receivedAt"/> (a <see cref="TimeProvider"/>
    /// timestamp), and returns at once: the command runs and is answered beside the receive loop.
    /// Throws <see cref="JsonException"/> when the payload is not an interaction.
    /// </summary>
    void Dispatch(JsonElement interaction, long receivedAt);
}
