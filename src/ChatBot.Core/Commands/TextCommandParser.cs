namespace ChatBot.Core.Commands;

/// <summary>
/// The text grammar of the console and of Slack (which hands over one text string):
/// <c>/papers search diffusion since:7d --limit 3</c>. The first option of a subcommand takes the
/// rest of the text; the others are written <c>--name value</c> (or <c>--name=value</c>; Slack's
/// "smart" em dash counts as <c>--</c>). The leading <c>/papers</c> may be left out.
/// </summary>
public static class TextCommandParser
{
    private const string DefaultSubcommand = "help";

    /// <summary>Parses a whole command line, as typed in the console.</summary>
    public static CommandRequest Parse(string text, string defaultCommand = CommandCatalog.PapersCommand)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenize(text);
        if (tokens.Count == 0)
        {
            return new CommandRequest(defaultCommand, DefaultSubcommand, new Dictionary<string, string>());
        }

        var first = tokens[0].Text.TrimStart('/');
        if (CommandCatalog.Find(first) is not null)
        {
            return ParseArguments(first, text[tokens[0].End..]);
        }

        // "search x" or "/search x": a subcommand of the default command.
        return ParseArguments(defaultCommand, text[tokens[0].Start..].TrimStart('/'));
    }

    /// <summary>Parses the text after a known command, as Slack sends it (<c>search diffusion</c>).</summary>
    public static CommandRequest ParseArguments(string command, string text)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenize(text);
        if (tokens.Count == 0)
        {
            return new CommandRequest(command, DefaultSubcommand, new Dictionary<string, string>());
        }

        var subcommandName = tokens[0].Text;
        var firstArgument = 1;
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var definition = CommandCatalog.Find(command);
        var subcommand = definition?.FindSubcommand(subcommandName);
        if (subcommand is null && tokens.Count > 1 && definition?.FindSubcommand($"{subcommandName} {tokens[1].Text}") is { } grouped)
        {
            // A group and its subcommand: "daily set".
            subcommand = grouped;
            subcommandName = grouped.Name;
            firstArgument = 2;
        }

        if (subcommand is null)
        {
            // The router explains unknown commands; there is nothing to bind options to.
            return new CommandRequest(command, subcommandName, options);
        }

        var positional = new List<Token>();
        for (var i = firstArgument; i < tokens.Count; i++)
        {
            if (FlagName(tokens[i].Text) is not { } flag)
            {
                positional.Add(tokens[i]);
                continue;
            }

            var (name, inlineValue) = SplitInlineValue(flag);
            var option = subcommand.FindOption(name);
            if (option is null || subcommand.Options.Take(subcommand.PositionalCount).Contains(option))
            {
                throw new ChatBotException(UnknownFlag(command, subcommand, name));
            }

            if (inlineValue is null)
            {
                if (i + 1 >= tokens.Count)
                {
                    throw new ChatBotException($"--{option.Name} needs a value: {option.Description}.");
                }

                inlineValue = Unquote(tokens[++i].Text);
            }

            options[option.Name] = inlineValue;
        }

        if (positional.Count > 0 && subcommand.Options.Count > 0)
        {
            // Leading positional options take one word each; the last takes the rest of the text.
            var single = Math.Min(subcommand.PositionalCount - 1, positional.Count - 1);
            for (var p = 0; p < single; p++)
            {
                options[subcommand.Options[p].Name] = Unquote(positional[p].Text);
            }

            var remaining = positional.Skip(single).ToList();
            // Keep the user's own spacing and quotes inside the last positional: it may be a query.
            var rest = text[remaining[0].Start..remaining[^1].End];
            if (remaining.Count != CountBetween(tokens, remaining[0], remaining[^1]))
            {
                rest = string.Join(' ', remaining.Select(t => t.Text));
            }

            options[subcommand.Options[single].Name] = rest.Trim();
        }
        else if (positional.Count > 0)
        {
            throw new ChatBotException($"/{command} {subcommand.Name} takes no arguments.");
        }

        return new CommandRequest(command, subcommand.Name, options);
    }

    private static int CountBetween(List<Token> tokens, Token first, Token last) =>
        tokens.Count(t => t.Start >= first.Start && t.End <= last.End);

    private static string? FlagName(string token)
    {
        var name = token.StartsWith("--", StringComparison.Ordinal) ? token[2..]
            : token.StartsWith('\u2014') ? token[1..]
            : null;
        return name is { Length: > 0 } && char.IsLetter(name[0]) ? name : null;
    }

    private static (string Name, string? Value) SplitInlineValue(string flag)
    {
        var equals = flag.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (flag, null) : (flag[..equals], Unquote(flag[(equals + 1)..]));
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    private static string UnknownFlag(string command, SubcommandDefinition subcommand, string name)
    {
        var flags = subcommand.Options.Skip(subcommand.PositionalCount).Select(o => "--" + o.Name).ToList();
        var known = flags.Count == 0 ? "it takes none" : "its options are " + string.Join(", ", flags);
        var shown = name.Length <= 30 ? name : name[..27] + "...";
        return $"/{command} {subcommand.Name} has no option --{shown}; {known}.";
    }

    // Whitespace separates tokens except inside double quotes (so title:"a b" is one token).
    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var start = i;
            var quoted = false;
            while (i < text.Length && (quoted || !char.IsWhiteSpace(text[i])))
            {
                if (text[i] == '"')
                {
                    quoted = !quoted;
                }

                i++;
            }

            tokens.Add(new Token(start, i, text[start..i]));
        }

        return tokens;
    }

    private readonly record struct Token(int Start, int End, string Text);
}
