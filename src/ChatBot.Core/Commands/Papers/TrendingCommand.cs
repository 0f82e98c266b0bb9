using System.Globalization;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Commands.Papers;

/// <summary><c>/papers trending [days]</c>: recent papers by trending score, each saying why it is there.</summary>
internal sealed class TrendingCommand(IPaperStore store, IOptions<TrendingOptions> options, TimeProvider clock) : ICommandHandler
{
    public string Command => CommandCatalog.PapersCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.Papers.FindSubcommand("trending")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var days = context.Arguments.Number("days", Definition);
        var limit = context.Arguments.Number("limit", Definition);
        var now = clock.GetUtcNow();
        var candidates = await store.ListFreshSinceAsync(now.AddDays(-days), cancellationToken);
        var ranked = TrendingScore.Rank(candidates, now, options.Value, limit);
        var window = days == 1 ? "the last day" : string.Create(CultureInfo.InvariantCulture, $"the last {days} days");
        if (ranked.Count == 0)
        {
            return Reply.Message($"No papers from {window} yet. Try a longer window, e.g. /papers trending 7.", ReplyVisibility.Private);
        }

        return new Reply
        {
            Title = $"Trending papers of {window}",
            Papers = [.. ranked.Select((r, i) => new PaperCard(r.Paper, CardDetail.Brief, r.Explanation) { Rank = i + 1 })],
        };
    }
}
