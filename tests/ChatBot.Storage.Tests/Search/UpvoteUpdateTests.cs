using ChatBot.Core.Papers;
using ChatBot.Core.Search;

namespace ChatBot.Storage.Tests.Search;

/// <summary>
/// A paper that changed only its upvote count gets that count updated in place (a doc-values update), and the
/// <c>upvotes:</c> filter and <c>sort:top</c> read the updated count; any other change re-indexes the paper.
/// </summary>
public sealed class UpvoteUpdateTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private readonly TempSearchIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task An_updated_upvote_count_is_what_the_filter_and_sort_top_see()
    {
        await _index.Index.IndexAsync([Paper(1, "Vision transformers", upvotes: 10), Paper(2, "Speech transformers", upvotes: 5)]);
        Assert.Equal([Id(1)], await HitsAsync(new SearchQuery { MinUpvotes = 8 }));

        await _index.Index.IndexAsync([Paper(2, "Speech transformers", upvotes: 20) with { Revision = 3 }]);

        Assert.Equal([Id(2), Id(1)], await HitsAsync(new SearchQuery { MinUpvotes = 8, Sort = SearchSort.Top }));
        Assert.Equal([Id(2)], await HitsAsync(new SearchQuery { MinUpvotes = 15 }));
        Assert.Equal([Id(1)], await HitsAsync(new SearchQuery { MaxUpvotes = 12 }));
        Assert.Equal([Id(2), Id(1)], await HitsAsync(Words("transformers") with { Sort = SearchSort.Top }));
        Assert.Equal(new SearchIndexState(2, 3, WasReset: false), await _index.Index.GetStateAsync());
    }

    [Fact]
    public async Task An_upvote_only_change_is_not_analysed_again_and_keeps_the_other_fields()
    {
        await _index.Index.IndexAsync([Paper(1, "Vision transformers", upvotes: 10), Paper(2, "Speech transformers", upvotes: 5)]);
        var written = _index.Index.CountWrittenEntries();

        await _index.Index.IndexAsync([Paper(2, "Speech transformers", upvotes: 20) with { Revision = 3 }]);

        // Re-analysing would have added an entry (and deleted the old one): the written count would grow.
        Assert.Equal(written, _index.Index.CountWrittenEntries());
        Assert.Equal([Id(2)], await HitsAsync(Words("speech")));
        Assert.Equal(2, (await HitsAsync(Words("transformers"))).Count);
        Assert.Equal(2, (await _index.Index.GetStateAsync()).Documents);
    }

    [Fact]
    public async Task A_count_changed_before_any_search_showed_the_paper_is_updated_in_place()
    {
        // No search in between: no searcher shows the entries yet, only the index's record of what it added since.
        await _index.Index.IndexAsync([Paper(1, "Vision transformers", upvotes: 10), Paper(2, "Speech transformers", upvotes: 5)]);
        await _index.Index.IndexAsync([Paper(2, "Speech transformers", upvotes: 20) with { Revision = 3 }]);

        // Re-analysing would have written a third entry (the deleted one stays counted in its segment).
        Assert.Equal(2, _index.Index.CountWrittenEntries());
        Assert.Equal([Id(2)], await HitsAsync(new SearchQuery { MinUpvotes = 15 }));
        Assert.Equal([Id(2)], await HitsAsync(Words("speech")));
        Assert.Equal(new SearchIndexState(2, 3, WasReset: false), await _index.Index.GetStateAsync());
    }

    [Fact]
    public async Task A_paper_re_indexed_and_then_upvoted_before_any_search_keeps_its_new_version()
    {
        await _index.Index.IndexAsync([Paper(1, "Vision transformers", upvotes: 10), Paper(2, "Speech transformers", upvotes: 5)]);
        await _index.Index.IndexAsync([Paper(1, "Vision mambas", upvotes: 10) with { Revision = 3 }]);
        await _index.Index.IndexAsync([Paper(1, "Vision mambas", upvotes: 50) with { Revision = 4 }]);

        // The first version, and the second, whose count alone changed after.
        Assert.Equal(3, _index.Index.CountWrittenEntries());
        Assert.Equal([Id(1)], await HitsAsync(Words("mambas") with { MinUpvotes = 50 }));
        Assert.Equal([Id(2)], await HitsAsync(Words("transformers")));
        Assert.Equal(new SearchIndexState(2, 4, WasReset: false), await _index.Index.GetStateAsync());
    }

    [Fact]
    public async Task A_title_keyed_paper_re_keyed_and_upvoted_before_any_search_has_one_entry()
    {
        var byTitle = Paper(1, "Vision transformers", upvotes: 0) with { Id = PaperId.FromTitle("Vision transformers"), ArxivId = null };
        await _index.Index.IndexAsync([byTitle, Paper(2, "Speech transformers", upvotes: 5)]);
        await _index.Index.IndexAsync([Paper(1, "Vision transformers", upvotes: 10) with { Revision = 3 }]);
        await _index.Index.IndexAsync([Paper(1, "Vision transformers", upvotes: 30) with { Revision = 4 }]);

        Assert.Equal([Id(1)], await HitsAsync(Words("vision")));
        Assert.Equal([Id(1)], await HitsAsync(new SearchQuery { MinUpvotes = 30 }));
        Assert.Equal(new SearchIndexState(2, 4, WasReset: false), await _index.Index.GetStateAsync());
    }

    [Fact]
    public async Task A_changed_title_with_a_changed_count_is_indexed_again()
    {
        // Two papers in one segment: a segment whose every entry is deleted would be dropped at once.
        await _index.Index.IndexAsync([Paper(1, "Vision transformers", upvotes: 10), Paper(2, "Speech transformers", upvotes: 5)]);
        var written = _index.Index.CountWrittenEntries();

        await _index.Index.IndexAsync([Paper(1, "Vision mambas", upvotes: 11) with { Revision = 3 }]);

        Assert.Equal(written + 1, _index.Index.CountWrittenEntries());
        Assert.Equal([Id(2)], await HitsAsync(Words("transformers")));
        Assert.Equal([Id(1)], await HitsAsync(Words("mambas") with { MinUpvotes = 11 }));
    }

    [Fact]
    public async Task A_paper_changed_and_changed_back_before_the_next_search_is_indexed_as_it_is_now()
    {
        await _index.Index.IndexAsync([Paper(1, "Vision transformers", upvotes: 10), Paper(2, "Speech transformers", upvotes: 5)]);
        Assert.Equal(2, (await _index.Index.GetStateAsync()).Documents);

        // No search in between: the last refreshed searcher still shows the first title, whose fingerprint the
        // third version has again; only the index's record of what changed since that refresh tells them apart.
        await _index.Index.IndexAsync([Paper(1, "Vision mambas", upvotes: 10) with { Revision = 3 }]);
        await _index.Index.IndexAsync([Paper(1, "Vision transformers", upvotes: 12) with { Revision = 4 }]);

        Assert.Empty(await HitsAsync(Words("mambas")));
        Assert.Equal(2, (await HitsAsync(Words("transformers"))).Count);
        Assert.Equal([Id(1)], await HitsAsync(Words("vision") with { MinUpvotes = 11 }));
        Assert.Equal(new SearchIndexState(2, 4, WasReset: false), await _index.Index.GetStateAsync());
    }

    [Fact]
    public async Task An_updated_count_survives_reopening_and_a_later_update()
    {
        await _index.Index.IndexAsync([Paper(1, "Vision transformers", upvotes: 10), Paper(2, "Speech transformers", upvotes: 5)]);
        await _index.Index.IndexAsync([Paper(2, "Speech transformers", upvotes: 20) with { Revision = 3 }]);

        _index.Reopen();
        Assert.Equal([Id(2)], await HitsAsync(new SearchQuery { MinUpvotes = 15 }));
        await _index.Index.IndexAsync([Paper(1, "Vision transformers", upvotes: 30) with { Revision = 4 }]);

        Assert.Equal([Id(1), Id(2)], await HitsAsync(new SearchQuery { MinUpvotes = 15, Sort = SearchSort.Top }));
    }

    [Fact]
    public async Task A_paper_met_twice_in_one_large_update_leaves_one_entry_with_its_last_version()
    {
        var papers = Enumerable.Range(1, 300).Select(n => Paper(n, $"Paper number {n}", upvotes: n)).ToList();
        papers.Add(Paper(7, "Renamed paper", upvotes: 1000) with { Revision = 301 });
        papers.AddRange(Enumerable.Range(301, 200).Select(n => Paper(n, $"Paper number {n}", upvotes: n) with { Revision = n + 1 }));

        await _index.Index.IndexAsync(papers);

        Assert.Equal(500, (await _index.Index.GetStateAsync()).Documents);
        Assert.Equal([Id(7)], await HitsAsync(Words("renamed") with { MinUpvotes = 1000 }));
        Assert.Equal([Id(7)], await HitsAsync(new SearchQuery { MinUpvotes = 600 }));
    }

    private async Task<List<PaperId>> HitsAsync(SearchQuery query) =>
        [.. (await _index.Index.SearchAsync(query, 0, 10, Now)).Hits.Select(h => h.Id)];

    private static SearchQuery Words(string word) => new() { Clauses = [QueryClause.Of(new QueryTerm(QueryField.Any, word, false))] };

    private static PaperId Id(int n) => PaperId.Parse($"2502.{n:00000}");

    private static Paper Paper(int n, string title, int upvotes) => new()
    {
        Id = Id(n),
        ArxivId = Id(n).Value,
        Title = title,
        Abstract = $"About {title.ToLowerInvariant()}.",
        Upvotes = upvotes,
        Sequence = n,
        Revision = n,
        PublishedAt = Now.AddDays(-n),
    };
}
