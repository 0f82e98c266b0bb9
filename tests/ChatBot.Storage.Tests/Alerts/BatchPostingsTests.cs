using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Storage.Alerts;
using ChatBot.Storage.Search;
using ChatBot.Storage.Tests.Search;
using Lucene.Net.Search;

namespace ChatBot.Storage.Tests.Alerts;

/// <summary>
/// <see cref="BatchPostings"/> reads the postings itself instead of running Lucene's search: for every kind of word or
/// phrase an alert can hold, it must set exactly the documents Lucene's search of the same query finds.
/// </summary>
public sealed class BatchPostingsTests(SeedCorpusFixture corpus) : IClassFixture<SeedCorpusFixture>
{
    private static readonly char[] Separators = [.. " \n\r\t.,;:!?()[]{}\"'".ToCharArray()];

    [Fact]
    public void Words_phrases_and_title_words_set_exactly_the_documents_a_lucene_search_finds()
    {
        using var analyzer = PaperAnalyzer.Create();
        using var batch = AlertBatch.Open(corpus.Papers, analyzer)!;
        var queries = new PaperQueryBuilder(analyzer);
        var matched = PostingsAgreement.AssertSameAsSearch(batch, queries, Terms(corpus.Papers));
        var compared = matched.Count;
        var matchedSome = matched.Count(m => m);

        Assert.True(compared > 500, $"{compared} terms compared");
        Assert.True(matchedSome > compared / 2, $"{matchedSome} of {compared} terms match something");
    }

    [Fact]
    public void A_phrase_with_a_repeated_word_or_a_missing_word_matches_as_lucene_matches_it()
    {
        using var analyzer = PaperAnalyzer.Create();
        using var batch = AlertBatch.Open(corpus.Papers, analyzer)!;
        var queries = new PaperQueryBuilder(analyzer);
        var title = corpus.Papers[0].Title.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3).ToArray();
        QueryTerm[] terms =
        [
            new(QueryField.Any, $"{title[0]} {title[0]}", IsPhrase: true),
            new(QueryField.Any, $"{title[0]} zzqxnotaword", IsPhrase: true),
            new(QueryField.Any, $"the {title[0]} of {title[1]}", IsPhrase: true),
            new(QueryField.Title, string.Join(' ', title.Take(3)), IsPhrase: true),
        ];

        var matched = PostingsAgreement.AssertSameAsSearch(batch, queries, terms);

        Assert.Equal(terms.Length, matched.Count);
    }

    // From every fifth paper: each title word, two and three title words as phrases (hyphenated words among them), and a
    // title: word. (The seed pages name no authors: AlertSearchAgreementTests compares author names.)
    private static IEnumerable<QueryTerm> Terms(IReadOnlyList<Paper> papers)
    {
        var seen = new HashSet<QueryTerm>();
        for (var i = 0; i < papers.Count; i += 5)
        {
            var words = papers[i].Title.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            List<QueryTerm> terms = [.. words.Select(w => new QueryTerm(QueryField.Any, w, IsPhrase: false))];
            for (var w = 0; w + 1 < words.Length; w++)
            {
                terms.Add(new QueryTerm(QueryField.Any, $"{words[w]} {words[w + 1]}", IsPhrase: true));
                if (w + 2 < words.Length)
                {
                    terms.Add(new QueryTerm(QueryField.Any, $"{words[w]} {words[w + 1]} {words[w + 2]}", IsPhrase: true));
                }
            }

            if (words.Length > 1)
            {
                terms.Add(new QueryTerm(QueryField.Title, words[1], IsPhrase: false));
            }

            foreach (var term in terms.Where(seen.Add))
            {
                yield return term;
            }
        }
    }
}
