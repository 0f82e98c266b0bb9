using System.Globalization;
using ChatBot.Core.Alerts;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.Alerts;

/// <summary>
/// <c>/alerts add &lt;query&gt;</c>: stores the alert and previews what it would have caught in the last week;
/// <c>like:&lt;paper&gt;</c> adds an alert by example instead (<see cref="LikeAlertAdder"/>).
/// </summary>
internal sealed class AlertsAddCommand(IAlertStore store, ISearchIndex index, IPaperStore papers, TimeProvider clock, LikeAlertAdder likes) : ICommandHandler
{
    private const int PreviewCount = 3;

    public string Command => CommandCatalog.AlertsCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.Alerts.FindSubcommand("add")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var text = context.Arguments.RequiredText("query");
        if (LikeReference.TryRead(text, out var reference))
        {
            return await likes.AddAsync(request, reference, cancellationToken);
        }

        if (!SearchQueryParser.TryParse(text, AlertLimits.MaxQueryLength, out var query, out var error))
        {
            return Reply.Error(error!.ToString()) with { Text = [error.ToString(), "See /papers help for the query language."] };
        }

        if (!query.HasTerms)
        {
            return Reply.Error("An alert needs at least one word, phrase, title: or author: to look for.");
        }

        var now = clock.GetUtcNow();
        // The store counts and adds in one transaction: alerts added at the same moment cannot pass the limit.
        var alert = await store.TryAddAsync(
            new Alert { Platform = request.Caller.Platform, UserId = request.Caller.User.Id, Query = query.Text, CreatedAt = now }, AlertLimits.MaxAlertsPerUser, cancellationToken);
        if (alert is null)
        {
            return Reply.Error($"You have {AlertLimits.MaxAlertsPerUser} alerts, the most one person can have. Remove one first (/alerts list, then /alerts remove <id>).");
        }

        var lastWeek = query with { Since = DateBound.Before(AlertLimits.PreviewWindow), Sort = SearchSort.Relevance };
        var preview = await index.SearchAsync(lastWeek, 0, PreviewCount, now, cancellationToken);
        var matched = preview.RelaxedToAnyWord ? 0 : preview.TotalHits;
        var top = matched == 0 ? [] : await papers.FindManyAsync([.. preview.Hits.Select(h => h.Id)], cancellationToken);
        var summary = matched switch
        {
            0 => "It would not have matched any paper of the last 7 days.",
            1 => "It would have matched 1 paper of the last 7 days:",
            _ => string.Create(CultureInfo.InvariantCulture, $"It would have matched {matched} papers of the last 7 days; the best {Math.Min(PreviewCount, matched)}:"),
        };
        return new Reply
        {
            Title = $"Alert {alert.Id} added: \u201c{alert.Query}\u201d",
            Text = ["New papers matching it will come to you by direct message.", summary],
            Papers = [.. top.Select((p, i) => new PaperCard(p, CardDetail.Brief, SearchSnippet.For(p.Abstract, query)) { Rank = i + 1 })],
            Visibility = ReplyVisibility.Private,
        };
    }
}
