using ChatBot.Core.Alerts;
using ChatBot.Core.Search;
using ChatBot.Storage.Alerts;
using ChatBot.Storage.Search;
using ChatBot.Storage.Tests.Search;
using Lucene.Net.Search;
using static ChatBot.Storage.Tests.Search.QueryCorpusFixture;

namespace ChatBot.Storage.Tests.Alerts;

/// <summary>
/// The alert matcher reads each word's papers from the batch's postings once (<see cref="BatchPostings"/>) and combines
/// them per alert; on papers with authors, keywords, summaries, dates and upvotes, every alert must match exactly what a
/// search of the same text finds, and each word or phrase exactly what Lucene's search of its query finds.
/// </summary>
public sealed class AlertSearchAgreementTests(QueryCorpusFixture corpus) : IClassFixture<QueryCorpusFixture>, IDisposable
{
    private static readonly string[] Texts =
    [
        "author:\"John Smith\"", "author:smith", "author:\"maria garcia\"", "author:García forecasting", "\"Bob Smith\"", "smith",
        "\"john smith\" -diffusion", "author:smith -forecasters", "author:\"noam shazeer\" since:60d", "timothée",
        "forecasting since:7d", "forecasting since:2026-10-15", "forecasting until:2026-11-10", "diffusion -survey since:30d",
        "diffusion upvotes:>=100", "models upvotes:<=30", "language upvotes:>50 upvotes:<100", "models OR experts upvotes:>=80 since:90d",
        "\"reward modeling\"", "hermite", "\"hermite decomposition\"", "title:smith", "title:\"time series\"", "\"time series\" -\"large language\"",
        "\"series of time\"", "time-series", "\"the diffusion\"", "molecule OR registers -graph", "transformers -author:smith",
    ];

    private readonly LuceneAlertMatcher _matcher = new();

    public void Dispose() => _matcher.Dispose();

    [Fact]
    public async Task Alerts_with_authors_dates_upvotes_and_exclusions_match_exactly_what_searches_of_the_same_text_find()
    {
        List<AlertQuery> alerts = [.. Texts.Select((text, i) => new AlertQuery($"a{i}", SearchQueryParser.Parse(text)))];

        var matches = await _matcher.MatchAsync(corpus.Papers, alerts, Now);

        var byAlert = matches.GroupBy(m => m.AlertId).ToDictionary(g => g.Key, g => g.Select(m => m.PaperId.Value).Order(StringComparer.Ordinal).ToList());
        var matchedSome = 0;
        foreach (var alert in alerts)
        {
            var searched = await corpus.SearchAsync(alert.Query, 0, 1_000);
            var expected = searched.RelaxedToAnyWord ? [] : searched.Hits.Select(h => h.Id.Value).Order(StringComparer.Ordinal).ToList();
            var actual = byAlert.GetValueOrDefault(alert.AlertId, []);
            Assert.True(expected.SequenceEqual(actual), $"'{alert.Query.Text}': search finds [{string.Join(' ', expected)}], the alert matches [{string.Join(' ', actual)}]");
            matchedSome += actual.Count > 0 ? 1 : 0;
        }

        Assert.True(matchedSome > Texts.Length * 2 / 3, $"{matchedSome} of {Texts.Length} alerts match something");
    }

    [Fact]
    public void Each_word_author_and_phrase_sets_exactly_the_papers_a_lucene_search_of_its_query_finds()
    {
        using var analyzer = PaperAnalyzer.Create();
        using var batch = AlertBatch.Open(corpus.Papers, analyzer)!;
        var queries = new PaperQueryBuilder(analyzer);
        var terms = Texts.Select(text => SearchQueryParser.Parse(text)).SelectMany(q => q.Clauses.SelectMany(c => c.AnyOf).Concat(q.Excluded)).Distinct().ToList();

        var matched = PostingsAgreement.AssertSameAsSearch(batch, queries, terms);

        Assert.Equal(terms.Count, matched.Count);
        Assert.True(terms.Count >= 25, $"{terms.Count} terms");
    }
}
