using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.Papers;

/// <summary><c>/papers show &lt;id&gt;</c>: one paper in full.</summary>
internal sealed class ShowCommand(IPaperStore store) : ICommandHandler
{
    public string Command => CommandCatalog.PapersCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.Papers.FindSubcommand("show")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var paper = await PaperLookup.FindAsync(store, context.Arguments.RequiredText("id"), cancellationToken);
        return new Reply
        {
            Papers = [new PaperCard(paper, CardDetail.Full)],
            Actions = [new ReplyAction("Similar papers", $"/{Command} similar {paper.Id}")],
        };
    }
}
