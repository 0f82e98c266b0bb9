using System.Text;
using ChatBot.Core.Search;

namespace ChatBot.Core.Tests.Search;

public sealed class SearchQueryParserTests
{
    private static SearchQuery Parsed(string text)
    {
        Assert.True(SearchQueryParser.TryParse(text, out var query, out var error), error?.ToString());
        Assert.Null(error);
        return query;
    }

    private static QueryError Refused(string text, int maxLength = SearchQueryParser.MaxLength)
    {
        Assert.False(SearchQueryParser.TryParse(text, maxLength, out var query, out var error));
        Assert.Same(SearchQuery.Empty, query);
        Assert.NotNull(error);
        return error;
    }

    private static QueryTerm Any(string text) => new(QueryField.Any, text, false);

    private static QueryTerm Phrase(string text) => new(QueryField.Any, text, true);

    private static IReadOnlyList<QueryTerm>[] ClauseTerms(SearchQuery query) => [.. query.Clauses.Select(c => c.AnyOf)];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    public void Null_empty_and_blank_text_is_the_empty_query(string? text)
    {
        Assert.True(SearchQueryParser.TryParse(text, out var query, out var error));

        Assert.Null(error);
        Assert.True(query.IsEmpty);
        Assert.Equal("", query.Text);
    }

    [Fact]
    public void Plain_words_are_clauses_of_one_term_each_with_the_users_case_kept()
    {
        var query = Parsed("  Diffusion  Transformers\tvideo ");

        Assert.Equal("Diffusion  Transformers\tvideo", query.Text);
        Assert.Equal(
            [[Any("Diffusion")], [Any("Transformers")], [Any("video")]],
            ClauseTerms(query));
        Assert.Empty(query.Excluded);
        Assert.Equal(SearchSort.Relevance, query.Sort);
        Assert.True(query.HasTerms);
    }

    [Theory]
    [InlineData("(LLMs),", "LLMs")]
    [InlineData("C++", "C++")]
    [InlineData("C#.", "C#")]
    [InlineData("BERT:", "BERT")]
    [InlineData("'attention'", "attention")]
    [InlineData("Peri-LN", "Peri-LN")]
    [InlineData("état-de-l'art", "état-de-l'art")]
    [InlineData("🤗", "🤗")]
    public void Surrounding_punctuation_is_trimmed_from_words_and_inner_punctuation_kept(string text, string expected)
    {
        Assert.Equal([[Any(expected)]], ClauseTerms(Parsed(text)));
    }

    [Theory]
    [InlineData("vision - language")]
    [InlineData("vision ... language")]
    [InlineData("vision — language")]
    public void A_lone_dash_and_words_of_punctuation_only_are_ignored(string text)
    {
        var query = Parsed(text);

        Assert.Equal([[Any("vision")], [Any("language")]], ClauseTerms(query));
        Assert.Empty(query.Excluded);
    }

    [Fact]
    public void A_quoted_phrase_is_one_phrase_term_with_its_whitespace_collapsed()
    {
        var query = Parsed("\"video   generation\n model\" diffusion");

        Assert.Equal([[Phrase("video generation model")], [Any("diffusion")]], ClauseTerms(query));
    }

    [Fact]
    public void Curly_quotes_from_phone_keyboards_delimit_phrases_too()
    {
        var query = Parsed("“video generation” „Sprach modell“");

        Assert.Equal([[Phrase("video generation")], [Phrase("Sprach modell")]], ClauseTerms(query));
    }

    [Fact]
    public void A_word_straight_after_a_closing_quote_is_a_separate_word()
    {
        Assert.Equal([[Phrase("a b")], [Any("c")]], ClauseTerms(Parsed("\"a b\"c")));
    }

    [Fact]
    public void Dashed_words_phrases_and_fields_are_excluded()
    {
        var query = Parsed("diffusion -survey -\"large language\" -title:review -author:\"John Smith\"");

        Assert.Equal([[Any("diffusion")]], ClauseTerms(query));
        Assert.Equal(
            [Any("survey"), Phrase("large language"), new(QueryField.Title, "review", false), new(QueryField.Author, "John Smith", true)],
            query.Excluded);
    }

    [Fact]
    public void A_query_of_exclusions_only_is_accepted_and_is_not_empty()
    {
        var query = Parsed("-survey");

        Assert.False(query.HasTerms);
        Assert.False(query.IsEmpty);
    }

    [Fact]
    public void Title_and_author_take_a_word_or_a_phrase()
    {
        var query = Parsed("title:Transformer author:lecun TITLE:\"state space\" Author:\"Yann LeCun\"");

        Assert.Equal(
            [
                [new QueryTerm(QueryField.Title, "Transformer", false)],
                [new QueryTerm(QueryField.Author, "lecun", false)],
                [new QueryTerm(QueryField.Title, "state space", true)],
                [new QueryTerm(QueryField.Author, "Yann LeCun", true)],
            ],
            ClauseTerms(query));
    }

    [Fact]
    public void Upper_case_OR_joins_its_neighbours_into_one_clause_and_chains()
    {
        var query = Parsed("video diffusion OR \"flow matching\" OR title:GAN");

        Assert.Equal(
            [[Any("video")], [Any("diffusion"), Phrase("flow matching"), new(QueryField.Title, "GAN", false)]],
            ClauseTerms(query));
        Assert.Equal("diffusion OR \"flow matching\" OR title:GAN", query.Clauses[1].ToString());
    }

    [Fact]
    public void Lower_case_or_and_quoted_OR_are_plain_words()
    {
        var query = Parsed("cats or dogs \"OR\"");

        Assert.Equal([[Any("cats")], [Any("or")], [Any("dogs")], [Phrase("OR")]], ClauseTerms(query));
    }

    [Theory]
    [InlineData("OR cats", 0)]
    [InlineData("cats OR", 5)]
    [InlineData("cats OR OR dogs", 8)]
    [InlineData("since:7d OR cats", 9)]
    [InlineData("cats OR sort:new", 5)]
    public void OR_without_a_word_on_both_sides_is_refused_where_it_stands(string text, int position)
    {
        var error = Refused(text);

        Assert.Equal(new QueryError("OR needs a word on both sides", position, 2), error);
    }

    [Theory]
    [InlineData("cats OR -dogs", 8, 5)]
    [InlineData("-cats OR dogs", 6, 2)]
    [InlineData("cats OR -author:x", 8, 9)]
    public void OR_cannot_join_an_excluded_word(string text, int position, int length)
    {
        Assert.Equal(new QueryError("OR cannot join an excluded word — drop the - or the OR", position, length), Refused(text));
    }

    [Theory]
    [InlineData("since:7d", 7 * 24)]
    [InlineData("since:24h", 24)]
    [InlineData("SINCE:2W", 14 * 24)]
    [InlineData("since:3m", 90 * 24)]
    [InlineData("since:1y", 365 * 24)]
    public void Since_takes_hours_days_weeks_months_of_30_days_and_years_of_365(string text, int hours)
    {
        var query = Parsed(text);

        Assert.Equal(DateBound.Before(TimeSpan.FromHours(hours)), query.Since);
        Assert.False(query.HasTerms);
        Assert.False(query.IsEmpty);
    }

    [Fact]
    public void Since_and_until_take_iso_dates()
    {
        var query = Parsed("since:2025-01-01 Until:2025-01-31 diffusion");

        Assert.Equal(DateBound.On(new DateOnly(2025, 1, 1)), query.Since);
        Assert.Equal(DateBound.On(new DateOnly(2025, 1, 31)), query.Until);
        Assert.Equal([[Any("diffusion")]], ClauseTerms(query));
    }

    [Fact]
    public void A_repeated_filter_replaces_the_earlier_one()
    {
        var query = Parsed("since:7d sort:top since:30d until:2d until:1d sort:new");

        Assert.Equal(DateBound.Before(TimeSpan.FromDays(30)), query.Since);
        Assert.Equal(DateBound.Before(TimeSpan.FromDays(1)), query.Until);
        Assert.Equal(SearchSort.New, query.Sort);
    }

    [Theory]
    [InlineData("since:7d until:14d", 0, 8, "since:7d is later than until:14d — nothing can match")]
    [InlineData("since:7d until:7d", 0, 8, "since:7d is later than until:7d — nothing can match")]
    [InlineData("x until:2025-01-01 since:2025-02-01", 19, 16, "since:2025-02-01 is later than until:2025-01-01 — nothing can match")]
    public void Since_later_than_until_is_refused(string text, int position, int length, string message)
    {
        Assert.Equal(new QueryError(message, position, length), Refused(text));
    }

    [Theory]
    [InlineData("since:2025-01-01 until:2025-01-01")]
    [InlineData("since:14d until:7d")]
    [InlineData("since:2020-01-01 until:1d")]
    public void Since_before_until_or_on_the_same_day_is_accepted(string text)
    {
        Assert.NotNull(Parsed(text).Since);
    }

    [Theory]
    [InlineData("since:7", 6, 1)]
    [InlineData("since:7x", 6, 2)]
    [InlineData("since:0d", 6, 2)]
    [InlineData("since:101y", 6, 4)]
    [InlineData("since:999999999d", 6, 10)]
    [InlineData("since:2025-13-01", 6, 10)]
    [InlineData("since:2025-1-1", 6, 8)]
    [InlineData("since:9999-12-31", 6, 10)]
    [InlineData("since:yesterday", 6, 9)]
    [InlineData("since:", 0, 6)]
    [InlineData("cats since: 7d", 5, 6)]
    public void A_bad_since_value_is_refused_with_an_example(string text, int position, int length)
    {
        Assert.Equal(
            new QueryError("since: expects a number of days like 7d or a date like 2025-01-01", position, length),
            Refused(text));
    }

    [Fact]
    public void A_bad_until_value_names_until()
    {
        Assert.Equal(
            new QueryError("until: expects a number of days like 7d or a date like 2025-01-01", 6, 4),
            Refused("until:soon"));
    }

    [Theory]
    [InlineData("upvotes:>=10", 10, null)]
    [InlineData("upvotes:>10", 11, null)]
    [InlineData("upvotes:<=5", null, 5)]
    [InlineData("upvotes:<5", null, 4)]
    [InlineData("upvotes:10", 10, null)]
    [InlineData("upvotes:0", 0, null)]
    [InlineData("UpVotes:>=10 upvotes:<=50", 10, 50)]
    [InlineData("upvotes:>=10 upvotes:>=20", 20, null)]
    public void Upvotes_comparisons_become_inclusive_bounds_and_a_bare_number_means_at_least(string text, int? min, int? max)
    {
        var query = Parsed(text);

        Assert.Equal(min, query.MinUpvotes);
        Assert.Equal(max, query.MaxUpvotes);
    }

    [Theory]
    [InlineData("upvotes:many", 8, 4)]
    [InlineData("upvotes:>", 8, 1)]
    [InlineData("upvotes:=>10", 8, 4)]
    [InlineData("upvotes:-3", 8, 2)]
    [InlineData("upvotes:<0", 8, 2)]
    [InlineData("upvotes:>=9999999999", 8, 12)]
    [InlineData("upvotes:", 0, 8)]
    public void A_bad_upvotes_value_is_refused_with_an_example(string text, int position, int length)
    {
        Assert.Equal(new QueryError("upvotes: expects a comparison like >=10", position, length), Refused(text));
    }

    [Fact]
    public void Upvote_bounds_that_admit_nothing_are_refused()
    {
        Assert.Equal(
            new QueryError("upvotes: at least 50 and at most 10 — nothing can match", 13, 12),
            Refused("upvotes:>=50 upvotes:<=10"));
    }

    [Theory]
    [InlineData("sort:relevance", SearchSort.Relevance)]
    [InlineData("sort:new", SearchSort.New)]
    [InlineData("Sort:TOP", SearchSort.Top)]
    public void Sort_takes_relevance_new_or_top_in_any_case(string text, SearchSort sort)
    {
        var query = Parsed(text);

        Assert.Equal(sort, query.Sort);
        Assert.True(query.IsEmpty);
    }

    [Theory]
    [InlineData("sort:newest", 5, 6)]
    [InlineData("sort:", 0, 5)]
    public void A_bad_sort_value_lists_the_choices(string text, int position, int length)
    {
        Assert.Equal(new QueryError("sort: expects relevance, new or top", position, length), Refused(text));
    }

    [Theory]
    [InlineData("how do agents use tools mode:semantic", SearchMode.Semantic)]
    [InlineData("mode:KEYWORD agents", SearchMode.Keyword)]
    [InlineData("agents mode:hybrid", SearchMode.Hybrid)]
    [InlineData("agents mode:semantic mode:keyword", SearchMode.Keyword)]
    public void Mode_chooses_how_words_match_and_is_not_a_word(string text, SearchMode mode)
    {
        var query = Parsed(text);

        Assert.Equal(mode, query.Mode);
        Assert.DoesNotContain(query.Clauses.SelectMany(c => c.AnyOf), t => t.Text.Contains("mode", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Without_mode_the_query_leaves_the_choice_to_the_bot()
    {
        Assert.Null(Parsed("agents tools").Mode);
    }

    [Theory]
    [InlineData("agents mode:vector", 12, 6)]
    [InlineData("mode:", 0, 5)]
    public void A_bad_mode_value_lists_the_choices(string text, int position, int length)
    {
        Assert.Equal(new QueryError("mode: expects hybrid, keyword or semantic", position, length), Refused(text));
    }

    [Fact]
    public void Mode_cannot_be_excluded()
    {
        Assert.Equal(new QueryError("mode: cannot be excluded — remove the -", 0, 1), Refused("-mode:keyword"));
    }

    [Theory]
    [InlineData("title:", "title:", 0, 6)]
    [InlineData("cats author: smith", "author:", 5, 7)]
    [InlineData("title:...", "title:", 6, 3)]
    [InlineData("-author:", "author:", 1, 7)]
    public void Title_and_author_without_a_value_are_refused(string text, string name, int position, int length)
    {
        Assert.Equal(new QueryError($"{name} needs a word or \"a phrase\"", position, length), Refused(text));
    }

    [Theory]
    [InlineData("-since:7d", "since:")]
    [InlineData("-sort:new", "sort:")]
    [InlineData("-upvotes:10", "upvotes:")]
    public void Filters_other_than_title_and_author_cannot_be_excluded(string text, string name)
    {
        Assert.Equal(new QueryError($"{name} cannot be excluded — remove the -", 0, 1), Refused(text));
    }

    [Theory]
    [InlineData("autor:smith", "autor:", "author:")]
    [InlineData("titel:gan", "titel:", "title:")]
    [InlineData("Sice:7d", "Sice:", "since:")]
    [InlineData("upvote:10", "upvote:", "upvotes:")]
    [InlineData("auth:smith", "auth:", "author:")]
    [InlineData("after:2025-01-01", "after:", "since:")]
    [InlineData("before:2025-01-01", "before:", "until:")]
    [InlineData("by:smith", "by:", "author:")]
    [InlineData("order:new", "order:", "sort:")]
    public void An_unknown_filter_suggests_the_closest_one(string text, string typed, string suggested)
    {
        Assert.Equal(new QueryError($"unknown filter '{typed}' — did you mean '{suggested}'?", 0, typed.Length), Refused(text));
    }

    [Fact]
    public void An_unknown_filter_with_nothing_close_lists_the_filters()
    {
        Assert.Equal(
            new QueryError("unknown filter 'venue:' — use title:, author:, since:, until:, upvotes:, sort: or mode:", 5, 6),
            Refused("cats venue:neurips"));
    }

    [Theory]
    [InlineData("https://arxiv.org/abs/2106.04554")]
    [InlineData("http://example.com/paper")]
    [InlineData("arXiv:2106.04554")]
    [InlineData("doi:10.48550/arXiv.2106.04554")]
    [InlineData("ftp://host/x")]
    [InlineData("gopher://host/x")]
    public void Links_and_identifiers_with_a_scheme_are_plain_words(string text)
    {
        Assert.Equal([[Any(text)]], ClauseTerms(Parsed(text)));
    }

    [Theory]
    [InlineData("BERT: pre-training", "BERT", "pre-training")]
    [InlineData("10:30 talk", "10:30", "talk")]
    [InlineData("C++: tricks", "C++", "tricks")]
    [InlineData("x:y big", "x:y", "big")]
    [InlineData("título:x big", "título:x", "big")]
    public void Colons_outside_the_filter_shape_leave_plain_words(string text, string first, string second)
    {
        Assert.Equal([[Any(first)], [Any(second)]], ClauseTerms(Parsed(text)));
    }

    [Theory]
    [InlineData("\"video generation", 0)]
    [InlineData("cats -\"dogs", 6)]
    [InlineData("title:\"state space", 6)]
    [InlineData("\"a\" \"b", 4)]
    public void An_unclosed_quote_is_refused_at_the_opening_quote(string text, int position)
    {
        Assert.Equal(new QueryError("unclosed quote — add a closing \"", position, 1), Refused(text));
    }

    [Theory]
    [InlineData("\"\"", 0, 2)]
    [InlineData("cats \"   \"", 5, 5)]
    [InlineData("title:\"\"", 6, 2)]
    public void Empty_quotes_are_refused(string text, int position, int length)
    {
        Assert.Equal(new QueryError("empty quotes — put a word or phrase between them", position, length), Refused(text));
    }

    [Fact]
    public void A_query_over_the_limit_is_refused_politely_at_the_limit()
    {
        var text = "  " + new string('a', 612) + " ";

        var error = Refused(text);

        Assert.Equal(new QueryError("The query is 612 characters long; the limit is 500.", 502, 112), error);
    }

    [Fact]
    public void A_query_exactly_at_the_limit_is_accepted()
    {
        Assert.True(SearchQueryParser.TryParse(new string('a', 500), out _, out _));
    }

    [Fact]
    public void A_smaller_limit_can_be_asked_for()
    {
        var text = new string('a', 201);

        Assert.Equal("The query is 201 characters long; the limit is 200.", Refused(text, maxLength: 200).Message);
        Assert.Throws<ChatBotException>(() => SearchQueryParser.Parse(text, maxLength: 200));
        Assert.True(SearchQueryParser.TryParse(text, out _, out _));
    }

    [Fact]
    public void A_ten_thousand_character_query_is_refused_politely()
    {
        var text = string.Concat(Enumerable.Repeat("title:\"a\" -b OR ", 625));

        var error = Refused(text);

        Assert.Equal($"The query is {text.Trim().Length} characters long; the limit is 500.", error.Message);
        Assert.Equal(500, error.Position);
    }

    [Fact]
    public void Parse_returns_the_query_or_throws_the_error_for_the_user()
    {
        Assert.Equal([[Any("cats")]], ClauseTerms(SearchQueryParser.Parse("cats")));

        var error = Assert.Throws<ChatBotException>(() => SearchQueryParser.Parse("cats autor:smith"));

        Assert.Equal("unknown filter 'autor:' — did you mean 'author:'? (at character 6)", error.Message);
    }

    [Fact]
    public void Everything_together()
    {
        var query = Parsed("title:diffusion \"video generation\" OR t2v -survey author:\"Ho\" since:30d upvotes:>=5 sort:top");

        Assert.Equal(
            [
                [new QueryTerm(QueryField.Title, "diffusion", false)],
                [Phrase("video generation"), Any("t2v")],
                [new QueryTerm(QueryField.Author, "Ho", true)],
            ],
            ClauseTerms(query));
        Assert.Equal([Any("survey")], query.Excluded);
        Assert.Equal(DateBound.Before(TimeSpan.FromDays(30)), query.Since);
        Assert.Null(query.Until);
        Assert.Equal(5, query.MinUpvotes);
        Assert.Null(query.MaxUpvotes);
        Assert.Equal(SearchSort.Top, query.Sort);
    }

    [Theory]
    [InlineData("cats\0dogs")]
    [InlineData("cats\u200Bdogs")]
    [InlineData("cats\u0007dogs")]
    public void Control_characters_and_zero_width_spaces_separate_words(string text)
    {
        Assert.Equal([[Any("cats")], [Any("dogs")]], ClauseTerms(Parsed(text)));
    }

    [Fact]
    public void Surrogate_pairs_stay_whole()
    {
        var query = Parsed("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \"👩‍🔬 science\"");

        Assert.Equal([[Any("𝔘𝔫𝔦𝔠𝔬𝔡𝔢")], [Phrase("👩‍🔬 science")]], ClauseTerms(query));
    }

    private static readonly string[] Pieces =
    [
        "\"", "“", "”", "„", ":", "-", "--", " ", "  ", "\t", "\n", "\r\n", "\0", "\u200B", "\u00A0", "\u3000",
        "OR", "or", "title:", "author:", "since:", "until:", "upvotes:", "sort:", "autor:", "https://", "arXiv:",
        "7d", "24h", "2025-01-01", "9999-12-31", ">=", ">", "<", "<=", "10", "0", "999999999999", "new", "top",
        "a", "Zeta", "é", "ß", "日本", "🤗", "👩‍🔬", "\uD835\uDD18", "\uD800", "\uDC00", "(", ")", ".", ",", "'",
        "…", "—", "C++", "x:y", "#", "\\", "%", "{0}",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Thousands_of_nasty_strings_never_throw_and_errors_point_inside_the_text(int seed)
    {
        var random = new Random(seed);
        var (accepted, refused) = (0, 0);
        for (var i = 0; i < 3000; i++)
        {
            var builder = new StringBuilder();
            var count = random.Next(0, 40);
            for (var j = 0; j < count; j++)
            {
                builder.Append(random.Next(5) == 0 ? (char)random.Next(0, 0x10000) : Pieces[random.Next(Pieces.Length)]);
            }

            var text = builder.ToString();
            var maxLength = random.Next(3) == 0 ? 20 : SearchQueryParser.MaxLength;

            var parsed = SearchQueryParser.TryParse(text, maxLength, out var query, out var error);

            if (parsed)
            {
                accepted++;
                Assert.Null(error);
                Assert.Equal(text.Trim(), query.Text);
                Assert.All(query.Clauses, clause => Assert.All(clause.AnyOf, term => Assert.NotEqual("", term.Text)));
            }
            else
            {
                refused++;
                Assert.NotNull(error);
                Assert.InRange(error.Position, 0, text.Length);
                Assert.InRange(error.Length, 1, text.Length - error.Position);
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
            }
        }

        // The alphabet is nasty enough to reach both outcomes often.
        Assert.InRange(accepted, 300, 2700);
        Assert.InRange(refused, 300, 2700);
    }
}
