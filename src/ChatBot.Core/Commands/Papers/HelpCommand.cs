namespace ChatBot.Core.Commands.Papers;

/// <summary><c>/papers help</c>: every command of the catalog with its usage and examples.</summary>
internal sealed class HelpCommand : ICommandHandler
{
    public string Command => CommandCatalog.PapersCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.Papers.FindSubcommand("help")!;

    public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(CommandHelp.For(CommandCatalog.All));
}
