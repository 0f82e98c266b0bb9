using System.Text.Json.Nodes;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// The payloads the client sends (https://discord.com/developers/docs/events/gateway-events#send-events):
/// Heartbeat, Identify and Resume. Identify and Resume carry the token; they are sent, never logged.
/// </summary>
internal static class GatewayCommands
{
    /// <summary>Op 1 with the last sequence number received, or null before the first.</summary>
    public static JsonObject Heartbeat(long? lastSequence) =>
        new() { ["op"] = GatewayOpcodes.Heartbeat, ["d"] = lastSequence is { } sequence ? JsonValue.Create(sequence) : null };

    /// <summary>Op 2 with intents 0: interactions need none (INTERACTION_CREATE belongs to no intent), and the shard pair.</summary>
    public static JsonObject Identify(DiscordOptions discord, GatewayShard shard)
    {
        ArgumentNullException.ThrowIfNull(discord);
        return new JsonObject
        {
            ["op"] = GatewayOpcodes.Identify,
            ["d"] = new JsonObject
            {
                ["token"] = discord.Token,
                ["intents"] = 0,
                ["properties"] = new JsonObject
                {
                    ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(),
                    ["browser"] = "ChatBot",
                    ["device"] = "ChatBot",
                },
                ["shard"] = new JsonArray(shard.Id, shard.Count),
            },
        };
    }

    /// <summary>Op 6: the session to resume and the last sequence number received (null before the first).</summary>
    public static JsonObject Resume(string? token, string? sessionId, long? lastSequence) => new()
    {
        ["op"] = GatewayOpcodes.Resume,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            ["session_id"] = sessionId,
            ["seq"] = lastSequence is { } sequence ? JsonValue.Create(sequence) : null,
        },
    };
}
