using System.Globalization;
using System.Numerics;
using System.Text.Json;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Json;
using ChatBot.Discord.Platform;
using ChatBot.Discord.Rendering;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// Turns an interaction payload (gateway INTERACTION_CREATE or HTTP body, PROTOCOLS.md §1.3) into Core's
/// <see cref="Caller"/> and <see cref="CommandInput"/>: slash commands with their (nested) subcommand options, and
/// button clicks whose custom_id names a command in the text grammar. Only translates; what to answer is
/// decided in Core. A button's <c>custom_id</c> is resolved through the host's <see cref="DiscordActionIds"/>.
/// </summary>
internal sealed class DiscordInteractionParser(DiscordActionIds actionIds)
{
    public const string ExpiredButton = "This button has expired; run the command again.";

    /// <summary>Said when an admin command is refused: who counts as an admin here (<see cref="IsAdmin"/>).</summary>
    public const string AdminHint = "you need the Manage Channels permission.";

    private const int SubcommandOption = 1;
    private const int SubcommandGroupOption = 2;
    private const int AdministratorBit = 3;
    private const int ManageChannelsBit = 4;

    /// <summary>Who asked, when the answer does not depend on it (an expired button, an unsupported interaction).</summary>
    private static Caller Nobody { get; } = new(DiscordPlatform.PlatformName, new ChatUser("unknown")) { AdminHint = AdminHint };

    /// <summary>Reads an interaction; throws <see cref="JsonException"/> when it lacks id, token or type.</summary>
    public DiscordInteraction Parse(JsonElement interaction)
    {
        var id = RequiredString(interaction, "id");
        var token = RequiredString(interaction, "token");
        var type = JsonFields.OptionalInt32(interaction, "type") ?? throw new JsonException("The interaction has no type.");
        var data = JsonFields.OptionalObject(interaction, "data") ?? default;
        return type switch
        {
            DiscordInteraction.ApplicationCommandType =>
                new DiscordInteraction(id, token, type, CallerOf(interaction), CommandInput.FromRequest(ParseCommand(data))),
            DiscordInteraction.MessageComponentType => ParseComponent(id, token, data, interaction),
            _ => new DiscordInteraction(id, token, type, Nobody, CommandInput.FromReply(Reply.Error("The bot does not support this kind of interaction."))),
        };
    }

    private static CommandRequest ParseCommand(JsonElement data)
    {
        var command = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "";
        var options = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("options", out var o) ? o : default;

        // Subcommands (and groups of them) nest their own options; a group and its subcommand
        // make one catalog name ("daily set").
        var names = new List<string>();
        while (options.ValueKind == JsonValueKind.Array
            && options.GetArrayLength() > 0
            && options[0].TryGetProperty("type", out var optionType)
            && optionType.GetInt32() is SubcommandOption or SubcommandGroupOption)
        {
            names.Add(options[0].GetProperty("name").GetString() ?? "");
            options = options[0].TryGetProperty("options", out var nested) ? nested : default;
        }

        var subcommand = names.Count == 0 ? "help" : string.Join(' ', names);

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (options.ValueKind == JsonValueKind.Array)
        {
            foreach (var option in options.EnumerateArray())
            {
                if (option.TryGetProperty("name", out var optionName) && option.TryGetProperty("value", out var value))
                {
                    values[optionName.GetString() ?? ""] = OptionText(value);
                }
            }
        }

        return new CommandRequest(command, subcommand, values);
    }

    private DiscordInteraction ParseComponent(string id, string token, JsonElement data, JsonElement interaction)
    {
        var customId = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("custom_id", out var c) ? c.GetString() : null;
        return customId is null || !actionIds.TryResolve(customId, out var commandText)
            ? new DiscordInteraction(id, token, DiscordInteraction.MessageComponentType, Nobody, CommandInput.FromReply(Reply.Error(ExpiredButton)))
            : new DiscordInteraction(id, token, DiscordInteraction.MessageComponentType, CallerOf(interaction), CommandInput.FromLine(commandText));
    }

    private static Caller CallerOf(JsonElement interaction)
    {
        var member = JsonFields.OptionalObject(interaction, "member");
        var user = JsonFields.OptionalProperty(member, "user") ?? JsonFields.OptionalProperty(interaction, "user");
        var channelId = JsonFields.OptionalString(interaction, "channel_id") ?? JsonFields.OptionalString(JsonFields.OptionalObject(interaction, "channel"), "id");
        var who = user is { ValueKind: JsonValueKind.Object }
            ? new ChatUser(RequiredString(user, "id"), JsonFields.OptionalString(user, "global_name") ?? JsonFields.OptionalString(user, "username"))
            : new ChatUser("unknown");
        return new Caller(DiscordPlatform.PlatformName, who)
        {
            ChannelId = channelId,
            WorkspaceId = JsonFields.OptionalString(interaction, "guild_id"),
            // In a DM there is no member and nobody administers anything.
            IsAdmin = member is not null && IsAdmin(JsonFields.OptionalString(member, "permissions")),
            AdminHint = AdminHint,
        };
    }

    /// <summary>Administrator (1&lt;&lt;3) or Manage Channels (1&lt;&lt;4) in the member's channel permissions.</summary>
    internal static bool IsAdmin(string? permissions)
    {
        if (!BigInteger.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
        {
            return false;
        }

        var admin = (BigInteger.One << AdministratorBit) | (BigInteger.One << ManageChannelsBit);
        return (bits & admin) != BigInteger.Zero;
    }

    private static string OptionText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static string RequiredString(JsonElement? element, string name) =>
        JsonFields.OptionalString(element, name) ?? throw new JsonException($"The interaction has no {name}.");
}
