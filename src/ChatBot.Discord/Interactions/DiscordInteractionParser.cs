using System.Globalization;
using System.Numerics;
using System.Text.Json;
using ChatBot.Core;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Json;
using ChatBot.Discord.Platform;
using ChatBot.Discord.Rendering;

namespace ChatBot.Discord.Interactions;

/// <summary>
/// Turns an interaction payload (gateway INTERACTION_CREATE or HTTP body, PROTOCOLS.md §1.3) into
/// Core's <see cref="CommandRequest"/>: slash commands with their (nested) subcommand options, and
/// button clicks whose custom_id names a command in the text grammar. Only translates; what to
/// answer is decided in Core. A button's <c>custom_id</c> is resolved through the host's <see cref="DiscordActionIds"/>.
/// </summary>
internal sealed class DiscordInteractionParser(DiscordActionIds actionIds)
{
    public const string ExpiredButton = "This button has expired; run the command again.";

    private const int SubcommandOption = 1;
    private const int SubcommandGroupOption = 2;
    private const int AdministratorBit = 3;
    private const int ManageChannelsBit = 4;

    /// <summary>Reads an interaction; throws <see cref="JsonException"/> when it lacks id, token or type.</summary>
    public DiscordInteraction Parse(JsonElement interaction)
    {
        var id = RequiredString(interaction, "id");
        var token = RequiredString(interaction, "token");
        var type = JsonFields.OptionalInt32(interaction, "type") ?? throw new JsonException("The interaction has no type.");
        var parsed = new DiscordInteraction(id, token, type);
        var data = JsonFields.OptionalObject(interaction, "data") ?? default;
        return type switch
        {
            DiscordInteraction.ApplicationCommandType => parsed with { Request = WithContext(ParseCommand(data), interaction) },
            DiscordInteraction.MessageComponentType => ParseComponent(parsed, data, interaction),
            _ => parsed with { ImmediateReply = Reply.Error("The bot does not support this kind of interaction.") },
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

    private DiscordInteraction ParseComponent(DiscordInteraction parsed, JsonElement data, JsonElement interaction)
    {
        var customId = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("custom_id", out var c) ? c.GetString() : null;
        if (customId is null || !actionIds.TryResolve(customId, out var commandText))
        {
            return parsed with { ImmediateReply = Reply.Error(ExpiredButton) };
        }

        try
        {
            return parsed with { Request = WithContext(TextCommandParser.Parse(commandText), interaction) };
        }
        catch (ChatBotException e)
        {
            return parsed with { ImmediateReply = Reply.Error(e.Message) };
        }
    }

    private static CommandRequest WithContext(CommandRequest request, JsonElement interaction)
    {
        var member = JsonFields.OptionalObject(interaction, "member");
        var user = JsonFields.OptionalProperty(member, "user") ?? JsonFields.OptionalProperty(interaction, "user");
        var channelId = JsonFields.OptionalString(interaction, "channel_id") ?? JsonFields.OptionalString(JsonFields.OptionalObject(interaction, "channel"), "id");
        return request with
        {
            Platform = DiscordPlatform.PlatformName,
            User = user is { ValueKind: JsonValueKind.Object }
                ? new ChatUser(RequiredString(user, "id"), JsonFields.OptionalString(user, "global_name") ?? JsonFields.OptionalString(user, "username"))
                : new ChatUser("unknown"),
            ChannelId = channelId,
            GuildId = JsonFields.OptionalString(interaction, "guild_id"),
            // In a DM there is no member and nobody administers anything.
            IsAdmin = member is not null && IsAdmin(JsonFields.OptionalString(member, "permissions")),
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
