namespace ChatBot.Core.Commands;

/// <summary>Help text generated from the catalog, so it can never disagree with what the bot accepts.</summary>
public static class CommandHelp
{
    public static Reply For(IReadOnlyList<CommandDefinition> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var text = new List<string>();
        foreach (var command in commands)
        {
            foreach (var subcommand in command.Subcommands)
            {
                var lines = new List<string> { $"/{command.Name} {subcommand.Usage()} \u2014 {subcommand.Description}" };
                if (subcommand.Help is { } help)
                {
                    lines.Add("  " + help);
                }

                lines.AddRange(subcommand.Examples.Select(e => $"  e.g. /{command.Name} {e}"));
                text.Add(string.Join('\n', lines));
            }
        }

        return new Reply { Title = "Commands", Text = text, Visibility = ReplyVisibility.Private };
    }
}
