using ChatBot.Core.Search;

namespace ChatBot.Core.Tests.Search;

public sealed class SearchSnippetTests
{
    private static SearchQuery Words(params string[] words) =>
        new() { Clauses = [.. words.Select(w => QueryClause.Of(new QueryTerm(QueryField.Any, w, IsPhrase: false)))] };

    private static readonly string Abstract = string.Join(' ', Enumerable.Repeat("Padding words about nothing in particular.", 12))
        + " We propose a new method for time series forecasting with transformers. " + string.Join(' ', Enumerable.Repeat("More filler text.", 10));

    [Fact]
    public void The_snippet_shows_the_text_around_the_first_match()
    {
        var snippet = SearchSnippet.For(Abstract, Words("forecasting"));

        Assert.Contains("time series forecasting", snippet, StringComparison.Ordinal);
        Assert.StartsWith("\u2026", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length <= 180, snippet);
    }

    [Fact]
    public void Inflected_forms_match_by_their_stem()
    {
        Assert.Contains("forecasting", SearchSnippet.For(Abstract, Words("forecasts")), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_match_the_snippet_is_the_start_of_the_text()
    {
        Assert.StartsWith("Padding words", SearchSnippet.For(Abstract, Words("quantum")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_match_inside_a_word_does_not_count()
    {
        var snippet = SearchSnippet.For(Abstract, Words("ransformers"));

        Assert.StartsWith("Padding words", snippet, StringComparison.Ordinal);
    }
}
