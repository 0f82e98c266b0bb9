using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatBot.Core.Commands;

namespace ChatBot.Discord.Commands;

/// <summary>
/// The command catalog as Discord's application commands (PROTOCOLS.md §1.5): each command a
/// CHAT_INPUT command, each subcommand an option of type 1, its options STRING (3) or INTEGER (4)
/// with their bounds, required options first, descriptions cut to 100 characters.
/// </summary>
internal static partial class DiscordCommandDefinitions
{
    public const int ChatInputCommand = 1;
    public const int SubcommandOption = 1;
    public const int SubcommandGroupOption = 2;

    /// <summary>MANAGE_CHANNELS: admin commands are shown only to members who hold it (the server checks again).</summary>
    public const string AdminPermissions = "16";
    public const int StringOption = 3;
    public const int IntegerOption = 4;

    private const int MaxDescriptionLength = 100;
    private const int MaxOptions = 25;
    private const int MaxStringLength = 6000;

    public static JsonArray Build(IReadOnlyList<CommandDefinition> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var array = new JsonArray();
        foreach (var command in commands)
        {
            var json = new JsonObject
            {
                ["name"] = Name(command.Name),
                ["type"] = ChatInputCommand,
                ["description"] = Description(command.Description),
                // Admin commands configure a guild channel: guilds only. The rest also work in DMs with the bot.
                ["contexts"] = command.AdminOnly ? new JsonArray(0) : new JsonArray(0, 1),
                ["integration_types"] = new JsonArray(0), // installed to a guild
                ["options"] = Limited(SubcommandsAndGroups(command), command.Name),
            };
            if (command.AdminOnly)
            {
                json["default_member_permissions"] = AdminPermissions;
            }

            array.Add(json);
        }

        return array;
    }

    // "daily set" and "daily off" become subcommands "set" and "off" of a group "daily".
    private static IEnumerable<JsonObject> SubcommandsAndGroups(CommandDefinition command)
    {
        foreach (var group in command.Subcommands.GroupBy(s => s.Group))
        {
            if (group.Key is null)
            {
                foreach (var subcommand in group)
                {
                    yield return Subcommand(subcommand);
                }

                continue;
            }

            yield return new JsonObject
            {
                ["type"] = SubcommandGroupOption,
                ["name"] = Name(group.Key),
                ["description"] = Description($"{group.Key}: " + string.Join(", ", group.Select(s => s.LeafName))),
                ["options"] = Limited(group.Select(Subcommand), group.Key),
            };
        }
    }

    private static JsonObject Subcommand(SubcommandDefinition subcommand) => new()
    {
        ["type"] = SubcommandOption,
        ["name"] = Name(subcommand.LeafName),
        ["description"] = Description(subcommand.Description),
        ["options"] = Limited(subcommand.Options.OrderByDescending(o => o.Required).Select(Option), subcommand.Name),
    };

    private static JsonObject Option(OptionDefinition option)
    {
        var json = new JsonObject
        {
            ["type"] = option.Type == OptionType.WholeNumber ? IntegerOption : StringOption,
            ["name"] = Name(option.Name),
            ["description"] = Description(option.Description),
            ["required"] = option.Required,
        };
        if (option.Type == OptionType.WholeNumber)
        {
            if (option.Min is { } min)
            {
                json["min_value"] = min;
            }

            if (option.Max is { } max)
            {
                json["max_value"] = max;
            }
        }
        else if (option.MaxLength is { } maxLength)
        {
            json["max_length"] = Math.Clamp(maxLength, 1, MaxStringLength);
        }

        return json;
    }

    private static JsonArray Limited(IEnumerable<JsonObject> options, string owner)
    {
        var array = new JsonArray([.. options]);
        return array.Count <= MaxOptions
            ? array
            : throw new InvalidOperationException($"'{owner}' has {array.Count} options; Discord allows {MaxOptions}.");
    }

    private static string Name(string name)
    {
        var lower = name.ToLowerInvariant();
        return NamePattern().IsMatch(lower)
            ? lower
            : throw new InvalidOperationException($"'{name}' cannot be a Discord command or option name (1-32 of a-z, 0-9, - and _).");
    }

    private static string Description(string description)
    {
        var clean = string.Join(' ', description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return clean.Length == 0 ? "-" : clean.Length <= MaxDescriptionLength ? clean : clean[..(MaxDescriptionLength - 1)] + "\u2026";
    }

    [GeneratedRegex("^[-_a-z0-9]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
