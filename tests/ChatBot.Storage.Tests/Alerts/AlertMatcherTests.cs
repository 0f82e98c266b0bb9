using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Storage.Alerts;
using ChatBot.Storage.Tests.Search;
using static ChatBot.Storage.Tests.Search.QueryCorpusFixture;

namespace ChatBot.Storage.Tests.Alerts;

public sealed class AlertMatcherTests(QueryCorpusFixture corpus) : IClassFixture<QueryCorpusFixture>, IDisposable
{
    private readonly LuceneAlertMatcher _matcher = new();

    public void Dispose() => _matcher.Dispose();

    [Fact]
    public async Task A_word_matches_the_papers_with_any_form_of_it()
    {
        var matched = await MatchOneAsync("MOLECULE");

        Assert.Equal(Ids(5), matched);
    }

    [Fact]
    public async Task A_phrase_matches_only_papers_with_its_words_in_order()
    {
        var matched = await MatchOneAsync("\"time series\"");

        // Paper 4 has "a series of time budgets": both words, not the phrase.
        Assert.Equal(Ids(1, 6), matched);
    }

    [Fact]
    public async Task An_excluded_word_or_phrase_removes_the_papers_that_have_it()
    {
        var both = await MatchOneAsync("diffusion");
        var noSurvey = await MatchOneAsync("diffusion -survey");
        var noVideoGeneration = await MatchOneAsync("diffusion -\"video generation\"");

        Assert.Equal(Ids(2, 3), both);
        Assert.Equal(Ids(2), noSurvey);
        Assert.Equal(Ids(3), noVideoGeneration);
    }

    [Fact]
    public async Task Title_matches_the_word_in_the_title_only()
    {
        var matched = await MatchOneAsync("title:forecasting");

        // "Forecasting" and "Forecasters" in titles; paper 4 has it only in its abstract.
        Assert.Equal(Ids(1, 6), matched);
    }

    [Fact]
    public async Task Author_matches_author_names_only_and_whole_words_only()
    {
        var matched = await MatchOneAsync("author:smith");
        var fullName = await MatchOneAsync("author:\"john smith\"");

        // Not Jane Smithson, not "Smith Normal Form" in a title.
        Assert.Equal(Ids(1, 5, 6), matched);
        Assert.Equal(Ids(1), fullName);
    }

    [Fact]
    public async Task An_or_clause_matches_papers_with_either_alternative()
    {
        var matched = await MatchOneAsync("molecules OR registers");
        var oneAbsent = await MatchOneAsync("quantum OR registers");

        Assert.Equal(Ids(5, 10), matched);
        Assert.Equal(Ids(10), oneAbsent);
    }

    [Fact]
    public async Task Since_and_until_resolve_against_the_given_now()
    {
        var lastWeek = await MatchOneAsync("since:7d");
        var lastWeekAMonthLater = await MatchOneAsync("since:7d", Now.AddDays(30));
        var untilADay = await MatchOneAsync("until:2025-06-01");
        var between = await MatchOneAsync("since:2026-10-01 until:2026-11-01");

        Assert.Equal(Ids(1, 5, 8), lastWeek);
        Assert.Empty(lastWeekAMonthLater);
        Assert.Equal(Ids(4, 7), untilADay); // until: includes its whole day
        Assert.Equal(Ids(3, 6, 9, 10), between);
    }

    [Fact]
    public async Task Upvote_bounds_are_inclusive()
    {
        var atLeast = await MatchOneAsync("upvotes:>=80");
        var atMost = await MatchOneAsync("upvotes:<=10");
        var range = await MatchOneAsync("upvotes:>=50 upvotes:<=80");

        Assert.Equal(Ids(2, 6, 7, 9), atLeast);
        Assert.Equal(Ids(3, 4, 8), atMost);
        Assert.Equal(Ids(1, 6, 9, 10), range);
    }

    [Fact]
    public async Task A_paper_matching_several_alerts_gives_one_match_per_alert()
    {
        var matches = await _matcher.MatchAsync(
            corpus.Papers,
            [Alert("a", "diffusion"), Alert("b", "video"), Alert("c", "diffusion video OR image generation")],
            Now);

        Assert.Equal(
            [("a", "2501.00002"), ("a", "2501.00003"), ("b", "2501.00002"), ("c", "2501.00002")],
            matches.Select(m => (m.AlertId, m.PaperId.Value)).Order());
    }

    [Fact]
    public async Task An_alert_with_a_word_absent_from_the_batch_matches_nothing()
    {
        var matched = await MatchOneAsync("diffusion quantum");
        var titleOnly = await MatchOneAsync("title:diffusion title:video title:prompts");

        Assert.Empty(matched);
        Assert.Empty(titleOnly); // "prompts" is in the abstract, not the title
    }

    [Fact]
    public async Task Withdrawn_papers_never_match()
    {
        var papers = corpus.Papers
            .Select(p => p.Id == PaperId.Parse("2501.00002") ? p with { Withdrawn = true } : p)
            .Append(corpus.Paper(PaperId.Parse("2501.00003")) with { Withdrawn = true }) // a later copy withdraws it
            .ToList();

        var matches = await _matcher.MatchAsync(papers, [Alert("a", "diffusion"), Alert("b", "video")], Now);

        Assert.Empty(matches);
    }

    [Fact]
    public async Task No_papers_or_no_alerts_give_no_matches()
    {
        Assert.Empty(await _matcher.MatchAsync([], [Alert("a", "diffusion")], Now));
        Assert.Empty(await _matcher.MatchAsync(corpus.Papers, [], Now));
    }

    [Fact]
    public async Task Alerts_with_the_same_text_or_no_text_match_alike()
    {
        var built = new SearchQuery { Clauses = [QueryClause.Of(Word("diffusion"))], Excluded = [Word("survey")] };

        var matches = await _matcher.MatchAsync(
            corpus.Papers,
            [Alert("a", "diffusion -survey"), Alert("b", "diffusion -survey"), new AlertQuery("c", built), new AlertQuery("d", Words("video"))],
            Now);

        Assert.Equal(
            [("a", "2501.00002"), ("b", "2501.00002"), ("c", "2501.00002"), ("d", "2501.00002")],
            matches.Select(m => (m.AlertId, m.PaperId.Value)).Order());
    }

    [Theory]
    [InlineData("time series forecasting")]
    [InlineData("language models")]
    [InlineData("\"language models\" -rlhf")]
    [InlineData("forecast OR forecasting transformers")]
    [InlineData("title:transformers OR author:smith")]
    [InlineData("author:\"maria garcia\"")]
    [InlineData("lovelace")]
    [InlineData("hermite")]
    [InlineData("reward")]
    [InlineData("\"reward modeling\"")]
    [InlineData("models since:30d upvotes:>=30")]
    [InlineData("-survey -\"time series\"")]
    [InlineData("the")]
    [InlineData("time-series")]
    [InlineData("diffusion video nothing")]
    [InlineData("the OR registers")]
    [InlineData("the OR of")]
    [InlineData("author:smith -author:\"john smith\"")]
    [InlineData("title:the models")]
    [InlineData("-the")]
    [InlineData("models until:2026-11-01 upvotes:<=80")]
    public async Task An_alert_matches_exactly_what_a_search_of_the_same_text_finds_without_the_fallback(string text)
    {
        var query = SearchQueryParser.Parse(text);

        var matched = await MatchOneAsync(text);
        var searched = await corpus.Index.SearchAsync(query, 0, 1000, Now);

        var expected = searched.RelaxedToAnyWord ? [] : searched.Hits.Select(h => h.Id).ToHashSet();
        Assert.Equal(expected, matched);
    }

    private async Task<HashSet<PaperId>> MatchOneAsync(string text, DateTimeOffset? now = null)
    {
        var matches = await _matcher.MatchAsync(corpus.Papers, [Alert("alert", text)], now ?? Now);
        Assert.All(matches, m => Assert.Equal("alert", m.AlertId));
        Assert.Equal(matches.Count, matches.Select(m => m.PaperId).Distinct().Count());
        return matches.Select(m => m.PaperId).ToHashSet();
    }

    private static AlertQuery Alert(string id, string text) => new(id, SearchQueryParser.Parse(text));

    private static HashSet<PaperId> Ids(params int[] numbers) => numbers.Select(n => PaperId.Parse($"2501.{n:00000}")).ToHashSet();
}
