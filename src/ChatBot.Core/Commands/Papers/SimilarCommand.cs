using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.Papers;

/// <summary><c>/papers similar &lt;id&gt;</c>: the papers closest in meaning to one paper (by distinctive words until it has a vector).</summary>
internal sealed class SimilarCommand(PaperSearch search, IPaperStore store) : ICommandHandler
{
    public string Command => CommandCatalog.PapersCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.Papers.FindSubcommand("similar")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var paper = await PaperLookup.FindAsync(store, context.Arguments.RequiredText("id"), cancellationToken);
        var limit = context.Arguments.Number("limit", Definition);
        var results = await search.SimilarAsync(paper.Id, limit, cancellationToken);
        var hits = results.Hits;
        var title = $"Papers like \u201c{LatexText.ToPlain(paper.Title)}\u201d";
        if (hits.Count == 0)
        {
            return Reply.Message($"{title}: none found; its words are too rare or too common in this collection.", ReplyVisibility.Private);
        }

        var similar = await store.FindManyAsync([.. hits.Select(h => h.Id)], cancellationToken);
        return new Reply
        {
            Title = results.Ranking == SearchMode.Semantic ? title + ", closest in meaning first" : title,
            Papers = [.. similar.Select((p, i) => new PaperCard(p, CardDetail.Brief) { Rank = i + 1 })],
        };
    }
}
