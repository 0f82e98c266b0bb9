using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBot.Discord.Commands;

/// <summary>
/// Whether the application commands Discord has are, in every field that changes what users see or
/// may do, the ones the bot would register. Both sides are reduced to the fields of Discord's
/// Application Command object that matter (type, name, description, localizations, permissions,
/// nsfw, options with their kinds, bounds and choices; contexts and integration_types for global
/// commands), with Discord's documented defaults filled in, so what Discord adds on its side (id,
/// application_id, guild_id, version, default_permission, dm_permission, an omitted
/// <c>required: false</c>) is no difference. Commands compare in any order, options in order (the
/// order users see). https://discord.com/developers/docs/interactions/application-commands#application-command-object
/// </summary>
internal static class ApplicationCommandComparison
{
    /// <summary>For a new global command Discord includes every interaction context: GUILD, BOT_DM, PRIVATE_CHANNEL.</summary>
    private static readonly int[] DefaultContexts = [0, 1, 2];

    /// <summary>Installed to a guild, the default installation context of an app.</summary>
    private static readonly int[] DefaultIntegrationTypes = [0];

    public static bool Same(JsonArray desired, JsonArray actual, bool global)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        return string.Equals(Canonical(desired, global), Canonical(actual, global), StringComparison.Ordinal);
    }

    /// <summary>The commands as one string that is equal for semantically equal sets.</summary>
    internal static string Canonical(JsonArray commands, bool global)
    {
        // Read back from text, so numbers built in code (an int node) and parsed numbers read alike.
        var parsed = JsonNode.Parse(commands.ToJsonString()) as JsonArray ?? new JsonArray();
        var canonical = parsed
            .Select(command => Command(command, global))
            .OrderBy(command => command.ToJsonString(), StringComparer.Ordinal);
        return new JsonArray([.. canonical]).ToJsonString();
    }

    private static JsonObject Command(JsonNode? node, bool global)
    {
        var command = node as JsonObject ?? new JsonObject();
        var canonical = new JsonObject
        {
            ["type"] = Whole(command["type"]) ?? 1,
            ["name"] = Text(command["name"]) ?? "",
            ["name_localizations"] = Localizations(command["name_localizations"]),
            ["description"] = Text(command["description"]) ?? "",
            ["description_localizations"] = Localizations(command["description_localizations"]),
            ["default_member_permissions"] = Text(command["default_member_permissions"]) ?? Whole(command["default_member_permissions"])?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["nsfw"] = Flag(command["nsfw"]),
            ["options"] = Options(command["options"]),
        };
        if (global)
        {
            // Only globally-scoped commands have contexts and installation types.
            canonical["contexts"] = Set(command["contexts"], DefaultContexts);
            canonical["integration_types"] = Set(command["integration_types"], DefaultIntegrationTypes);
        }

        return canonical;
    }

    private static JsonArray Options(JsonNode? node) =>
        [.. (node as JsonArray ?? new JsonArray()).Select(option => (JsonNode)Option(option as JsonObject ?? new JsonObject()))];

    private static JsonObject Option(JsonObject option) => new()
    {
        ["type"] = Whole(option["type"]),
        ["name"] = Text(option["name"]) ?? "",
        ["name_localizations"] = Localizations(option["name_localizations"]),
        ["description"] = Text(option["description"]) ?? "",
        ["description_localizations"] = Localizations(option["description_localizations"]),
        ["required"] = Flag(option["required"]),
        ["choices"] = Choices(option["choices"]),
        ["options"] = Options(option["options"]),
        ["channel_types"] = Set(option["channel_types"], []),
        ["min_value"] = Number(option["min_value"]),
        ["max_value"] = Number(option["max_value"]),
        ["min_length"] = Number(option["min_length"]),
        ["max_length"] = Number(option["max_length"]),
        ["autocomplete"] = Flag(option["autocomplete"]),
    };

    private static JsonArray Choices(JsonNode? node) =>
        [.. (node as JsonArray ?? new JsonArray()).OfType<JsonObject>().Select(choice => (JsonNode)new JsonObject
        {
            ["name"] = Text(choice["name"]) ?? "",
            ["name_localizations"] = Localizations(choice["name_localizations"]),
            ["value"] = Number(choice["value"]) is { } number ? JsonValue.Create(number) : Text(choice["value"]),
        })];

    /// <summary>A localization map in key order; null, missing and empty all mean none.</summary>
    private static JsonObject? Localizations(JsonNode? node)
    {
        if (node is not JsonObject map || map.Count == 0)
        {
            return null;
        }

        var sorted = new JsonObject();
        foreach (var (locale, text) in map.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            sorted[locale] = Text(text);
        }

        return sorted;
    }

    private static JsonArray Set(JsonNode? node, int[] fallback)
    {
        var values = node is JsonArray array ? array.Select(Whole).OfType<int>().ToArray() : fallback;
        return [.. values.Distinct().Order().Select(value => (JsonNode)value)];
    }

    private static bool Flag(JsonNode? node) => node?.GetValueKind() == JsonValueKind.True;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) ? number : null;

    private static int? Whole(JsonNode? node) =>
        Number(node) is { } number && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;
}
