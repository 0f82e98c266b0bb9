using System.Text.Json.Nodes;

namespace ChatBot.Discord.Tests;

/// <summary>Interaction payloads as Discord sends them (PROTOCOLS.md §1.3).</summary>
internal static class InteractionPayloads
{
    public static JsonObject Search(string id, string query, string guildPermissions = "0") => new()
    {
        ["id"] = id,
        ["application_id"] = FakeDiscordRest.ApplicationId,
        ["type"] = 2,
        ["token"] = TokenFor(id),
        ["version"] = 1,
        ["guild_id"] = "g1",
        ["channel_id"] = "c1",
        ["member"] = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = "u1", ["username"] = "ada", ["global_name"] = "Ada L." },
            ["permissions"] = guildPermissions,
        },
        ["data"] = new JsonObject
        {
            ["id"] = "cmd1",
            ["name"] = "papers",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject
            {
                ["name"] = "search",
                ["type"] = 1,
                ["options"] = new JsonArray(
                    new JsonObject { ["name"] = "query", ["type"] = 3, ["value"] = query },
                    new JsonObject { ["name"] = "limit", ["type"] = 4, ["value"] = 3 }),
            }),
        },
    };

    public static JsonObject Button(string id, string customId) => new()
    {
        ["id"] = id,
        ["application_id"] = FakeDiscordRest.ApplicationId,
        ["type"] = 3,
        ["token"] = TokenFor(id),
        ["version"] = 1,
        ["channel_id"] = "dm1",
        ["user"] = new JsonObject { ["id"] = "u2", ["username"] = "grace" },
        ["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 },
    };

    public static string TokenFor(string id) => "itoken-" + id;

    public static string CallbackPath(string id) => FakeDiscordRest.Api($"interactions/{id}/{TokenFor(id)}/callback");

    public static string OriginalPath(string id) => FakeDiscordRest.Api($"webhooks/{FakeDiscordRest.ApplicationId}/{TokenFor(id)}/messages/@original");
}
