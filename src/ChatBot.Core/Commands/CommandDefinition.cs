namespace ChatBot.Core.Commands;

/// <summary>A top-level slash command (<c>/papers</c>) and its subcommands.</summary>
public sealed record CommandDefinition(string Name, string Description, IReadOnlyList<SubcommandDefinition> Subcommands)
{
    /// <summary>
    /// Only admins may run it (Discord: Manage Channels, also set as the command's default permission;
    /// Slack: a user in Slack:AdminUserIds; the console always). The router checks it.
    /// </summary>
    public bool AdminOnly { get; init; }

    /// <summary>Every answer is for the caller alone (alerts, admin settings); platforms defer privately too.</summary>
    public bool PrivateReplies { get; init; }

    /// <summary>True when the answer to <paramref name="subcommand"/> is known to be private before it is computed.</summary>
    public bool RepliesPrivately(string subcommand) =>
        PrivateReplies || string.Equals(subcommand, "help", StringComparison.OrdinalIgnoreCase);

    public SubcommandDefinition? FindSubcommand(string name) =>
        Subcommands.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
