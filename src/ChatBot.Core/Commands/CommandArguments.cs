using System.Globalization;

namespace ChatBot.Core.Commands;

/// <summary>
/// Option values checked against a <see cref="SubcommandDefinition"/>: unknown options, missing
/// required ones, numbers out of range and text too long are refused with a message naming the option.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _text;
    private readonly Dictionary<string, int> _integers;

    private CommandArguments(Dictionary<string, string> text, Dictionary<string, int> integers)
    {
        _text = text;
        _integers = integers;
    }

    public static CommandArguments Bind(string command, SubcommandDefinition definition, IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        var text = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var integers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, raw) in options)
        {
            var option = definition.FindOption(name) ?? throw new ChatBotException(UnknownOption(command, definition, name));
            var value = raw.Trim();
            switch (option.Type)
            {
                case OptionType.WholeNumber:
                    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                        || number < (option.Min ?? int.MinValue) || number > (option.Max ?? int.MaxValue))
                    {
                        throw new ChatBotException($"Option '{option.Name}' expects a whole number from {option.Min} to {option.Max}; got '{Shorten(value)}'.");
                    }

                    integers[option.Name] = number;
                    break;
                default:
                    if (option.MaxLength is { } max && value.Length > max)
                    {
                        throw new ChatBotException($"Option '{option.Name}' is {value.Length} characters long; the limit is {max}.");
                    }

                    if (value.Length > 0)
                    {
                        text[option.Name] = value;
                    }

                    break;
            }
        }

        foreach (var option in definition.Options.Where(o => o.Required))
        {
            if (!text.ContainsKey(option.Name) && !integers.ContainsKey(option.Name))
            {
                throw new ChatBotException($"/{command} {definition.Name} needs a {option.Name}: {option.Description}. Usage: /{command} {definition.Usage()}");
            }
        }

        return new CommandArguments(text, integers);
    }

    public string? Text(string name) => _text.GetValueOrDefault(name);

    public string RequiredText(string name) =>
        _text.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"Option '{name}' is not bound.");

    /// <summary>The value given, else the option's default.</summary>
    public int Number(string name, SubcommandDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _integers.TryGetValue(name, out var value)
            ? value
            : definition.FindOption(name)?.Default ?? throw new InvalidOperationException($"Option '{name}' has no default.");
    }

    private static string UnknownOption(string command, SubcommandDefinition definition, string name)
    {
        var known = definition.Options.Count == 0
            ? "it takes no options"
            : "its options are " + string.Join(", ", definition.Options.Select(o => o.Name));
        return $"/{command} {definition.Name} has no option '{Shorten(name)}'; {known}.";
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
