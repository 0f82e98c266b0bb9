namespace ChatBot.Core.Commands;

/// <summary>Answers one subcommand of the catalog. Throw <see cref="ChatBotException"/> for problems the user can fix.</summary>
public interface ICommandHandler
{
    /// <summary>The command this handler belongs to (<c>papers</c>).</summary>
    string Command { get; }

    SubcommandDefinition Definition { get; }

    Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
