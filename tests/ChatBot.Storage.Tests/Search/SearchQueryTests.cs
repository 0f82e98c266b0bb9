using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using static ChatBot.Storage.Tests.Search.QueryCorpusFixture;

namespace ChatBot.Storage.Tests.Search;

public sealed class SearchQueryTests(QueryCorpusFixture corpus) : IClassFixture<QueryCorpusFixture>
{
    [Fact]
    public async Task A_word_finds_exactly_the_papers_that_mention_it()
    {
        var results = await corpus.SearchAsync(Words("diffusion"));

        Assert.Equal(corpus.Mentioning("diffusion"), Ids(results));
        Assert.Equal(results.Hits.Count, results.TotalHits);
        Assert.False(results.RelaxedToAnyWord);
    }

    [Fact]
    public async Task A_word_matches_other_forms_of_it_and_ignores_case_and_accents()
    {
        var forms = await corpus.SearchAsync(Words("MOLECULE"));
        var accented = await corpus.SearchAsync(Words("ïnteger"));

        Assert.Contains(PaperId.Parse("2501.00005"), Ids(forms)); // "Molecules", "molecular"
        Assert.Equal([PaperId.Parse("2501.00008")], Ids(accented));
    }

    [Fact]
    public async Task A_plain_word_also_matches_keywords_the_summary_and_author_names()
    {
        var keyword = await corpus.SearchAsync(Words("reward"));
        var keywordPhrase = await corpus.SearchAsync(new SearchQuery { Clauses = [QueryClause.Of(Phrase("reward modeling"))] });
        var summary = await corpus.SearchAsync(Words("hermite"));
        var author = await corpus.SearchAsync(Words("lovelace"));

        Assert.Equal([PaperId.Parse("2501.00007")], Ids(keyword));
        Assert.Equal([PaperId.Parse("2501.00007")], Ids(keywordPhrase));
        Assert.Equal([PaperId.Parse("2501.00008")], Ids(summary));
        Assert.Equal([PaperId.Parse("2501.00008")], Ids(author));
    }

    [Fact]
    public async Task Every_word_must_match()
    {
        var results = await corpus.SearchAsync(Words("diffusion", "video"));

        Assert.All(results.Hits, hit => Assert.True(Mentions(corpus.Paper(hit.Id), "diffusion") && Mentions(corpus.Paper(hit.Id), "video")));
        Assert.Equal(1, results.TotalHits);
    }

    [Fact]
    public async Task A_word_in_the_title_ranks_above_the_same_word_only_in_the_abstract()
    {
        var results = await corpus.SearchAsync(Words("forecasting"));

        var ranked = results.Hits.Select(h => h.Id).ToList();
        var inTitle = ranked.FindIndex(id => corpus.Paper(id).Title.Contains("Forecasting", StringComparison.Ordinal));
        var inAbstractOnly = ranked.FindIndex(id => !corpus.Paper(id).Title.Contains("Forecast", StringComparison.Ordinal));
        Assert.InRange(inTitle, 0, inAbstractOnly - 1);
    }

    [Fact]
    public async Task A_phrase_finds_only_papers_containing_the_phrase()
    {
        var results = await corpus.SearchAsync(new SearchQuery { Clauses = [QueryClause.Of(Phrase("time series forecasting"))] });
        var words = await corpus.SearchAsync(Words("time", "series", "forecasting"));

        Assert.Equal(corpus.Mentioning("time series forecasting"), Ids(results));
        Assert.True(words.TotalHits > results.TotalHits); // the words alone also match papers where they are apart
    }

    [Fact]
    public async Task An_excluded_word_removes_every_paper_that_mentions_it()
    {
        var results = await corpus.SearchAsync(new SearchQuery { Clauses = [QueryClause.Of(Word("diffusion"))], Excluded = [Word("survey")] });

        Assert.NotEmpty(results.Hits);
        Assert.DoesNotContain(results.Hits, hit => Mentions(corpus.Paper(hit.Id), "survey"));
        Assert.Equal(corpus.Mentioning("diffusion").Except(corpus.Mentioning("survey")).ToHashSet(), Ids(results));
    }

    [Fact]
    public async Task An_excluded_phrase_removes_papers_with_the_phrase_but_not_those_with_its_words_apart()
    {
        var results = await corpus.SearchAsync(new SearchQuery { Clauses = [QueryClause.Of(Word("models"))], Excluded = [Phrase("language models")] });

        Assert.DoesNotContain(results.Hits, hit => Mentions(corpus.Paper(hit.Id), "language models"));
        Assert.Contains(PaperId.Parse("2501.00002"), Ids(results));
    }

    [Fact]
    public async Task Excluded_terms_alone_filter_all_papers()
    {
        var results = await corpus.SearchAsync(new SearchQuery { Excluded = [Word("diffusion")] });

        Assert.Equal(corpus.Papers.Count - corpus.Mentioning("diffusion").Count, results.TotalHits);
    }

    [Fact]
    public async Task Title_restricts_a_word_to_titles()
    {
        var results = await corpus.SearchAsync(new SearchQuery { Clauses = [QueryClause.Of(new QueryTerm(QueryField.Title, "smith", false))] });

        Assert.Equal([PaperId.Parse("2501.00008")], Ids(results));
    }

    [Fact]
    public async Task Author_matches_a_surname_in_any_case_and_without_accents_but_not_a_longer_name()
    {
        var surname = await corpus.SearchAsync(new SearchQuery { Clauses = [QueryClause.Of(new QueryTerm(QueryField.Author, "SMITH", false))] });
        var unaccented = await corpus.SearchAsync(new SearchQuery { Clauses = [QueryClause.Of(new QueryTerm(QueryField.Author, "garcia", false))] });

        var expected = corpus.Papers.Where(p => p.Authors.Any(a => a.Split(' ').Contains("Smith"))).Select(p => p.Id).ToHashSet();
        Assert.Equal(expected, Ids(surname)); // not "Jane Smithson", not the paper with Smith in its title
        Assert.Equal([PaperId.Parse("2501.00001")], Ids(unaccented));
    }

    [Fact]
    public async Task Author_with_a_quoted_full_name_matches_that_author_only()
    {
        var fullName = await corpus.SearchAsync(new SearchQuery { Clauses = [QueryClause.Of(new QueryTerm(QueryField.Author, "john smith", true))] });
        var acrossAuthors = await corpus.SearchAsync(new SearchQuery { Clauses = [QueryClause.Of(new QueryTerm(QueryField.Author, "smith maria", true))] });

        Assert.Equal([PaperId.Parse("2501.00001")], Ids(fullName));
        Assert.Empty(acrossAuthors.Hits);
    }

    [Fact]
    public async Task A_clause_of_alternatives_matches_papers_with_any_of_them()
    {
        var query = new SearchQuery { Clauses = [new QueryClause([Word("diffusion"), Phrase("message passing")])] };

        var results = await corpus.SearchAsync(query);

        Assert.Equal(corpus.Mentioning("diffusion").Union(corpus.Mentioning("message passing")).ToHashSet(), Ids(results));
        Assert.False(results.RelaxedToAnyWord);
    }

    [Fact]
    public async Task Since_and_until_with_calendar_dates_keep_papers_dated_within_them()
    {
        var query = new SearchQuery
        {
            Since = DateBound.On(new DateOnly(2026, 10, 1)),
            Until = DateBound.On(new DateOnly(2026, 10, 31)),
        };

        var results = await corpus.SearchAsync(query);

        var from = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var before = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(corpus.Papers.Where(p => p.Date >= from && p.Date < before).Select(p => p.Id).ToHashSet(), Ids(results));
        Assert.Contains(PaperId.Parse("2501.00009"), Ids(results)); // 23:00 on the until day counts
    }

    [Fact]
    public async Task Relative_since_and_until_resolve_against_the_given_now()
    {
        var lastWeek = await corpus.SearchAsync(new SearchQuery { Since = DateBound.Before(TimeSpan.FromDays(7)) });
        var olderThanAWeek = await corpus.SearchAsync(new SearchQuery { Until = DateBound.Before(TimeSpan.FromDays(7)) });
        var aYearLater = await corpus.Index.SearchAsync(new SearchQuery { Since = DateBound.Before(TimeSpan.FromDays(7)) }, 0, 100, Now.AddYears(1));

        Assert.Equal(corpus.Papers.Where(p => p.Date >= Now.AddDays(-7)).Select(p => p.Id).ToHashSet(), Ids(lastWeek));
        Assert.Equal(corpus.Papers.Count - lastWeek.TotalHits, olderThanAWeek.TotalHits);
        Assert.Empty(aYearLater.Hits);
    }

    [Fact]
    public async Task Upvote_bounds_are_inclusive()
    {
        var results = await corpus.SearchAsync(new SearchQuery { MinUpvotes = 30, MaxUpvotes = 80 });

        Assert.Equal(corpus.Papers.Where(p => p.Upvotes is >= 30 and <= 80).Select(p => p.Id).ToHashSet(), Ids(results));
    }

    [Fact]
    public async Task Filters_combine_with_words()
    {
        var results = await corpus.SearchAsync(Words("models") with { MinUpvotes = 50, Since = DateBound.On(new DateOnly(2026, 11, 1)) });

        Assert.NotEmpty(results.Hits);
        Assert.All(results.Hits, hit =>
        {
            var paper = corpus.Paper(hit.Id);
            Assert.True(paper.Upvotes >= 50 && paper.Date >= new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        });
    }

    [Fact]
    public async Task Sort_new_orders_by_date_newest_first()
    {
        var results = await corpus.SearchAsync(Words("models") with { Sort = SearchSort.New });

        var dates = results.Hits.Select(h => corpus.Paper(h.Id).Date).ToList();
        Assert.True(dates.Count > 2);
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task Sort_top_orders_by_upvotes_then_newest()
    {
        var results = await corpus.SearchAsync(new SearchQuery { Sort = SearchSort.Top });

        var ranked = results.Hits.Select(h => corpus.Paper(h.Id)).ToList();
        Assert.Equal(corpus.Papers.Count, ranked.Count);
        Assert.Equal(ranked.OrderByDescending(p => p.Upvotes).ThenByDescending(p => p.Date), ranked);
    }

    [Fact]
    public async Task Pages_follow_on_from_each_other_and_report_the_total()
    {
        var all = await corpus.SearchAsync(SearchQuery.Empty, 0, 6);
        var first = await corpus.SearchAsync(SearchQuery.Empty, 0, 3);
        var second = await corpus.SearchAsync(SearchQuery.Empty, 3, 3);
        var past = await corpus.SearchAsync(SearchQuery.Empty, 50, 3);
        var countOnly = await corpus.SearchAsync(SearchQuery.Empty, 0, 0);

        Assert.Equal(all.Hits.Select(h => h.Id), first.Hits.Concat(second.Hits).Select(h => h.Id));
        Assert.Equal([corpus.Papers.Count, corpus.Papers.Count, corpus.Papers.Count], new[] { first.TotalHits, second.TotalHits, past.TotalHits });
        Assert.Empty(past.Hits);
        Assert.Empty(countOnly.Hits);
        Assert.Equal(corpus.Papers.Count, countOnly.TotalHits);
    }

    [Fact]
    public async Task When_no_paper_has_every_word_papers_with_any_of_them_are_ranked_instead()
    {
        var results = await corpus.SearchAsync(Words("diffusion", "molecules"));

        Assert.True(results.RelaxedToAnyWord);
        Assert.Equal(corpus.Mentioning("diffusion").Union(corpus.Mentioning("molecule")).ToHashSet(), Ids(results));
    }

    [Fact]
    public async Task The_any_word_fallback_still_honours_exclusions_and_filters()
    {
        var results = await corpus.SearchAsync(Words("diffusion", "molecules") with { Excluded = [Word("survey")], MinUpvotes = 100 });

        Assert.True(results.RelaxedToAnyWord);
        Assert.Equal([PaperId.Parse("2501.00002")], Ids(results));
    }

    [Fact]
    public async Task A_single_word_that_matches_nothing_is_not_relaxed()
    {
        var results = await corpus.SearchAsync(Words("quantum"));

        Assert.Empty(results.Hits);
        Assert.Equal(0, results.TotalHits);
        Assert.False(results.RelaxedToAnyWord);
    }

    [Fact]
    public async Task A_stop_word_is_dropped_rather_than_matching_nothing()
    {
        var withStopWord = await corpus.SearchAsync(Words("the", "diffusion"));
        var onlyStopWords = await corpus.SearchAsync(Words("the", "of"));

        Assert.Equal(corpus.Mentioning("diffusion"), Ids(withStopWord));
        Assert.False(withStopWord.RelaxedToAnyWord);
        Assert.Equal(corpus.Papers.Count, onlyStopWords.TotalHits);
    }

    [Fact]
    public async Task The_empty_query_lists_every_paper_newest_first()
    {
        var results = await corpus.SearchAsync(SearchQuery.Empty);

        Assert.Equal(corpus.Papers.Count, results.TotalHits);
        var dates = results.Hits.Select(h => corpus.Paper(h.Id).Date).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
    }

    // Each text is Lucene syntax that, parsed as such, would fail ("title:(", "AND", "\"") or match other papers
    // ("*" and "[a TO z]" every paper, "fo~o^2" fuzzy words). Read as words it matches nothing in this corpus, so
    // beside "molecules" in the same any-of clause exactly the molecules paper is found.
    [Theory]
    [InlineData("title:(")]
    [InlineData("AND")]
    [InlineData("*")]
    [InlineData("fo~o^2")]
    [InlineData("\"")]
    [InlineData("[a TO z]")]
    [InlineData("\\")]
    public async Task Text_that_is_lucene_syntax_is_searched_as_words_and_finds_only_what_the_words_match(string text)
    {
        var query = new SearchQuery
        {
            Clauses = [new QueryClause([Word(text), Phrase(text), new QueryTerm(QueryField.Author, text, false), Word("molecules")])],
            Excluded = [new QueryTerm(QueryField.Title, text, true)],
        };

        var results = await corpus.SearchAsync(query);

        Assert.Equal([PaperId.Parse("2501.00005")], Ids(results));
        Assert.False(results.RelaxedToAnyWord);
    }

    [Fact]
    public async Task Lucene_operators_typed_between_words_are_words_not_operators()
    {
        // As Lucene syntax "diffusion OR video" would find both diffusion papers; as words, OR is a stop word
        // and both remaining words must match, which only the video diffusion paper does.
        var results = await corpus.SearchAsync(Words("diffusion", "OR", "video"));

        Assert.Equal([PaperId.Parse("2501.00002")], Ids(results));
    }

    [Fact]
    public async Task Latex_in_titles_and_abstracts_is_indexed_as_it_reads()
    {
        using var index = new TempSearchIndex();
        await index.Index.IndexAsync(
        [
            corpus.Papers[0] with { Id = PaperId.Parse("2501.09001"), Sequence = 101, Revision = 101, Title = @"Smooth B\'ezier Curves for \textbf{Motion}", Abstract = @"We fit $\mathcal{C}^2$ splines~\cite{farin2002}." },
        ]);

        var bezier = await index.Index.SearchAsync(Words("bezier"), 0, 10, Now);
        var markup = await index.Index.SearchAsync(Words("textbf"), 0, 10, Now);
        var citation = await index.Index.SearchAsync(Words("farin2002"), 0, 10, Now);

        Assert.Equal([PaperId.Parse("2501.09001")], Ids(bezier)); // B\'ezier reads Bézier, folded to bezier
        Assert.Equal(0, markup.TotalHits);
        Assert.Equal(0, citation.TotalHits);
    }

    private static HashSet<PaperId> Ids(SearchResults results) => results.Hits.Select(h => h.Id).ToHashSet();
}
