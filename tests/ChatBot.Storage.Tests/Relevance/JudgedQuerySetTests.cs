using ChatBot.Storage.Tests.Search;

namespace ChatBot.Storage.Tests.Relevance;

public sealed class JudgedQuerySetTests(SeedCorpusFixture corpus) : IClassFixture<SeedCorpusFixture>
{
    private static readonly IReadOnlyList<JudgedQuery> Queries = JudgedQuerySet.Load();

    [Fact]
    public void The_set_has_at_least_forty_queries_twenty_natural_and_ten_keyword_with_unique_ids()
    {
        Assert.True(Queries.Count >= 40, $"{Queries.Count} queries");
        Assert.True(Queries.Count(q => q.Kind == QueryKind.Natural) >= 20);
        Assert.True(Queries.Count(q => q.Kind == QueryKind.Keyword) >= 10);
        Assert.Equal(Queries.Count, Queries.Select(q => q.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Queries.Count, Queries.Select(q => q.Text).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Every_query_has_a_relevant_paper_and_every_grade_is_one_to_three()
    {
        Assert.All(Queries, q =>
        {
            Assert.NotEmpty(q.Judgments);
            Assert.All(q.Judgments.Values, grade => Assert.InRange(grade, 1, 3));
        });
    }

    [Fact]
    public void Keyword_queries_are_one_to_three_words()
    {
        Assert.All(Queries.Where(q => q.Kind == QueryKind.Keyword), q =>
            Assert.InRange(q.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, 1, 3));
    }

    [Fact]
    public void Every_judged_paper_is_a_paper_of_the_seed_corpus()
    {
        // The ids are the store's: a parser or id change that renames seed papers must fail here, not score zero quietly.
        var ids = corpus.Papers.Select(p => p.Id.Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(239, ids.Count);
        Assert.All(Queries.SelectMany(q => q.Judgments.Keys.Select(id => (q.Id, Paper: id))), judged =>
            Assert.True(ids.Contains(judged.Paper), $"{judged.Id}: {judged.Paper} is not a seed paper"));
    }
}
