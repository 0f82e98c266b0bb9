using System.Text.Json.Nodes;

namespace ChatBot.Testing;

/// <summary>A bulk overwrite the <see cref="FakeDiscordCommandRegistry"/> received.</summary>
/// <param name="GuildId">The guild it went to, or null for the global commands.</param>
/// <param name="Commands">The commands as sent.</param>
public sealed record DiscordCommandPut(string? GuildId, JsonArray Commands);
