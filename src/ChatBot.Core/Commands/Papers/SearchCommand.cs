using System.Globalization;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.Papers;

/// <summary><c>/papers search &lt;query&gt;</c>: ranked results with a snippet each, and a button for the next page.</summary>
internal sealed class SearchCommand(PaperSearch search, IPaperStore store, TimeProvider clock) : ICommandHandler
{
    public string Command => CommandCatalog.PapersCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.Papers.FindSubcommand("search")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Arguments.RequiredText("query");
        if (!SearchQueryParser.TryParse(text, out var query, out var error))
        {
            return Reply.Error(error!.ToString()) with { Text = [error.ToString(), "See /papers help for the query language."] };
        }

        var limit = context.Arguments.Number("limit", Definition);
        var page = context.Arguments.Number("page", Definition);
        var offset = (page - 1) * limit;
        var results = await search.SearchAsync(query, offset, limit, clock.GetUtcNow(), cancellationToken);
        if (results.TotalHits == 0)
        {
            return await NothingFoundAsync(query, cancellationToken);
        }

        if (results.Hits.Count == 0)
        {
            var pages = (results.TotalHits + limit - 1) / limit;
            return Reply.Error(string.Create(CultureInfo.InvariantCulture, $"Page {page} is past the end: \u201c{query.Text}\u201d has {pages} page{(pages == 1 ? "" : "s")} of results."));
        }

        var papers = await store.FindManyAsync([.. results.Hits.Select(h => h.Id)], cancellationToken);
        var cards = papers.Select((paper, i) => new PaperCard(paper, CardDetail.Brief, SearchSnippet.For(paper.Abstract, query)) { Rank = offset + i + 1 }).ToList();
        var shownTo = offset + results.Hits.Count;
        var more = shownTo < results.TotalHits;
        return new Reply
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"{results.TotalHits} paper{(results.TotalHits == 1 ? "" : "s")} for \u201c{query.Text}\u201d{SortNote(query.Sort)}{RankingNote(results.Ranking)}"),
            Text = Notes(results),
            Papers = cards,
            Footer = string.Create(CultureInfo.InvariantCulture, $"{offset + 1}\u2013{shownTo} of {results.TotalHits}"),
            NextPage = more
                ? string.Create(CultureInfo.InvariantCulture, $"/{Command} search {query.Text} --limit {limit} --page {page + 1}")
                : null,
        };
    }

    // Keyword ranking is the plain case and says nothing; the others say what the order means.
    private static string RankingNote(SearchMode ranking) => ranking switch
    {
        SearchMode.Hybrid => ", by meaning and words",
        SearchMode.Semantic => ", closest in meaning first",
        _ => "",
    };

    private static List<string> Notes(SearchResults results)
    {
        var notes = new List<string>(2);
        if (results.FallbackReason is { } fallback)
        {
            notes.Add(fallback);
        }

        if (results.RelaxedToAnyWord)
        {
            notes.Add("No paper has all of these words; these have some of them.");
        }

        return notes;
    }

    private static string SortNote(SearchSort sort) => sort switch
    {
        SearchSort.New => ", newest first",
        SearchSort.Top => ", most upvoted first",
        _ => "",
    };

    private async Task<Reply> NothingFoundAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var stats = await store.GetCountersAsync(cancellationToken);
        if (stats.Papers == 0)
        {
            return Reply.Message("There are no papers in the database yet, so nothing can match. Papers arrive with the next ingest, or an operator can import files.", ReplyVisibility.Private);
        }

        var hints = new List<string>();
        if (query.Since is not null || query.Until is not null || query.MinUpvotes is not null || query.MaxUpvotes is not null)
        {
            hints.Add("drop a filter (since:, until:, upvotes:)");
        }

        if (query.Excluded.Count > 0)
        {
            hints.Add("remove an -exclusion");
        }

        hints.Add("use fewer or more general words");
        return Reply.Message(
            string.Create(CultureInfo.InvariantCulture, $"No paper among {stats.Papers} matches \u201c{query.Text}\u201d. Try to {string.Join(", or ", hints)}."),
            ReplyVisibility.Private);
    }
}
