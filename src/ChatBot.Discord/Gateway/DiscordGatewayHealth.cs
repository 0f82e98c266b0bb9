using ChatBot.Core.Chat;

namespace ChatBot.Discord.Gateway;

/// <summary>Readiness of the gateway session: ready after READY or RESUMED until the connection ends.</summary>
internal sealed class DiscordGatewayHealth() : ConnectionHealth("Discord gateway");
