namespace ChatBot.Core.Commands;

/// <summary>A top-level slash command (<c>/papers</c>) and its subcommands.</summary>
public sealed record CommandDefinition(string Name, string Description, IReadOnlyList<SubcommandDefinition> Subcommands)
{
    public SubcommandDefinition? FindSubcommand(string name) =>
        Subcommands.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
