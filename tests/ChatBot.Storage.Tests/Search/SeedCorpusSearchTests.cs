using ChatBot.Core.Papers;
using ChatBot.Core.Search;

namespace ChatBot.Storage.Tests.Search;

public sealed class SeedCorpusSearchTests(SeedCorpusFixture corpus) : IClassFixture<SeedCorpusFixture>
{
    private static readonly char[] WordSeparators = [.. " \n\r\t.,;:!?()[]{}\"'-".ToCharArray()];

    private static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_imported_paper_is_indexed_at_the_store_revision()
    {
        var state = await corpus.Index.GetStateAsync();

        Assert.Equal(corpus.Papers.Count(p => !p.Withdrawn), state.Documents);
        Assert.Equal(corpus.Papers.Max(p => p.Revision), state.LastRevision);
        Assert.True(state.Documents > 100);
    }

    [Fact]
    public async Task Time_series_forecasting_ranks_papers_about_time_series_forecasting_first()
    {
        var query = new SearchQuery
        {
            Clauses = [.. "time series forecasting".Split(' ').Select(w => QueryClause.Of(new QueryTerm(QueryField.Any, w, false)))],
        };

        var results = await corpus.Index.SearchAsync(query, 0, 5, Now);

        Assert.Equal(5, results.Hits.Count);
        Assert.All(results.Hits, hit => Assert.True(
            MentionsAny(corpus.Paper(hit.Id), "time series", "time-series") && MentionsAny(corpus.Paper(hit.Id), "forecast"),
            corpus.Paper(hit.Id).Title));
    }

    [Fact]
    public async Task Excluding_survey_removes_every_paper_that_mentions_a_survey()
    {
        var query = new SearchQuery { Excluded = [new QueryTerm(QueryField.Any, "survey", false)] };

        var results = await corpus.Index.SearchAsync(query, 0, 10_000, Now);

        var mentioning = corpus.Papers.Count(p => MentionsAny(p, "survey"));
        Assert.True(mentioning > 5);
        Assert.DoesNotContain(results.Hits, hit => MentionsAny(corpus.Paper(hit.Id), "survey"));
        Assert.Equal(corpus.Papers.Count - mentioning, results.TotalHits);
    }

    [Fact]
    public async Task Papers_similar_to_a_vision_transformer_paper_are_mostly_about_vision_transformers_or_images()
    {
        var vit = corpus.Papers.First(p => p.Title.Contains("Vision Transformer", StringComparison.OrdinalIgnoreCase));

        var similar = await corpus.Index.SimilarAsync(vit.Id, 10);

        Assert.Equal(10, similar.Count);
        Assert.DoesNotContain(vit.Id, similar.Select(h => h.Id));
        var onTopic = similar.Count(hit => MentionsAny(corpus.Paper(hit.Id), "vision transformer", "vit", "image", "visual"));
        Assert.True(onTopic >= 7, $"{onTopic} of 10 similar papers mention vision transformers or images: "
            + string.Join(" | ", similar.Select(h => corpus.Paper(h.Id).Title)));
    }

    [Fact]
    public async Task A_phrase_finds_only_papers_with_the_phrase_among_the_seeds()
    {
        var query = new SearchQuery { Clauses = [QueryClause.Of(new QueryTerm(QueryField.Any, "vision transformer", true))] };

        var results = await corpus.Index.SearchAsync(query, 0, 1000, Now);

        Assert.True(results.TotalHits > 3);
        // Punctuation does not break a phrase: "computer vision. Transformers are" contains it too.
        Assert.All(results.Hits, hit => Assert.Contains("vision transformer", Words(corpus.Paper(hit.Id)), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Since_keeps_only_papers_from_that_date_on_and_sort_new_orders_them_newest_first()
    {
        var query = SearchQueryParser.Parse("transformer since:2023-01-01 sort:new");
        var all = await corpus.Index.SearchAsync(SearchQueryParser.Parse("transformer"), 0, 1000, Now);

        var results = await corpus.Index.SearchAsync(query, 0, 1000, Now);

        var bound = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var dates = results.Hits.Select(h => corpus.Paper(h.Id).Date).ToList();
        Assert.NotEmpty(dates);
        Assert.True(results.TotalHits < all.TotalHits, "some transformer papers are older than 2023");
        Assert.All(dates, date => Assert.True(date >= bound, date.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public async Task Until_keeps_only_papers_up_to_that_date()
    {
        var results = await corpus.Index.SearchAsync(SearchQueryParser.Parse("until:2022-12-31"), 0, 1000, Now);

        Assert.NotEmpty(results.Hits);
        Assert.All(results.Hits, hit => Assert.True(corpus.Paper(hit.Id).Date < new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Sort_top_orders_by_upvotes_across_pages()
    {
        var query = SearchQueryParser.Parse("model sort:top");
        var all = await corpus.Index.SearchAsync(query, 0, 1000, Now);

        var pages = new List<SearchHit>();
        for (var offset = 0; offset < all.TotalHits; offset += 20)
        {
            var page = await corpus.Index.SearchAsync(query, offset, 20, Now);
            Assert.Equal(all.TotalHits, page.TotalHits);
            pages.AddRange(page.Hits);
        }

        Assert.True(all.TotalHits > 40, "the query spans at least three pages");
        var ids = pages.Select(h => h.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count); // no paper on two pages
        Assert.Equal(all.Hits.Select(h => h.Id).ToHashSet(), ids.ToHashSet()); // and none left out
        var upvotes = ids.Select(id => corpus.Paper(id).Upvotes ?? 0).ToList();
        Assert.True(upvotes[0] > 0);
        Assert.Equal(upvotes.OrderByDescending(u => u), upvotes);
    }

    [Fact]
    public async Task A_parsed_query_with_an_exclusion_drops_surveys_but_keeps_the_topic()
    {
        var results = await corpus.Index.SearchAsync(SearchQueryParser.Parse("transformer -survey"), 0, 1000, Now);

        Assert.NotEmpty(results.Hits);
        Assert.DoesNotContain(results.Hits, hit => MentionsAny(corpus.Paper(hit.Id), "survey"));
        // Stemming folds transformer, transformers and transforming into one word.
        Assert.All(results.Hits, hit => Assert.True(MentionsAny(corpus.Paper(hit.Id), "transform"), corpus.Paper(hit.Id).Title));
    }

    private static string Words(Paper paper) =>
        string.Join(' ', (paper.Title + " " + paper.Abstract).ToLowerInvariant().Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries));

    private static bool MentionsAny(Paper paper, params string[] texts) =>
        texts.Any(text => paper.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || paper.Abstract.Contains(text, StringComparison.OrdinalIgnoreCase));
}
