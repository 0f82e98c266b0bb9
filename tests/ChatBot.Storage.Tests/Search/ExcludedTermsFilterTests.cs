using ChatBot.Storage.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace ChatBot.Storage.Tests.Search;

/// <summary>
/// <see cref="ExcludedTermsFilter"/> gives exactly the hits, scores, order and total that the same query with the
/// excluded words as MUST_NOT clauses gives in Lucene's plain search: on a random index of several segments with deleted
/// documents, for required words, any-word queries, all papers, sorted searches, asked twice (the second time from the
/// kept bit sets), and after more papers, deletes and an upvote change were written.
/// </summary>
public sealed class ExcludedTermsFilterTests : IDisposable
{
    private static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];
    private static readonly string[] Fields = [PaperFields.Title, PaperFields.Abstract];

    private readonly SegmentedTestIndex _index = new(commitEvery: 600, deleteEvery: 89);
    private readonly Random _random = new(11);

    public ExcludedTermsFilterTests()
    {
        AddPapers(2_500);
    }

    public static TheoryData<int> PageSizes() => [1, 10, 300, 5_000];

    public void Dispose() => _index.Dispose();

    [Theory]
    [MemberData(nameof(PageSizes))]
    public void Leaves_what_excluded_clauses_leave(int n)
    {
        using var reader = _index.OpenReader();
        AssertSameAsClauses(Searcher(reader), n);
        AssertSameAsClauses(Searcher(reader), n);
    }

    [Fact]
    public void Kept_bit_sets_still_agree_after_new_papers_deletes_and_an_upvote_change()
    {
        using (var before = _index.OpenReader())
        {
            AssertSameAsClauses(Searcher(before), 10);
        }

        AddPapers(700);
        _index.Writer.UpdateNumericDocValue(new Term(PaperFields.Id, SegmentedTestIndex.Id(3)), PaperFields.UpvotesSort, 1_000);
        using var after = _index.OpenReader();
        AssertSameAsClauses(Searcher(after), 10);
        AssertSameAsClauses(Searcher(after), 2_000);
    }

    [Fact]
    public void A_query_with_no_exclusion_is_not_filtered()
    {
        using var reader = _index.OpenReader();
        var searcher = Searcher(reader);
        var all = searcher.Search(new MatchAllDocsQuery(), new ExcludedTermsFilter([]), 1);
        Assert.Equal(reader.NumDocs, all.TotalHits);
    }

    private static IndexSearcher Searcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };

    // A word in either field, as PaperQueryBuilder looks for a word anywhere.
    private static DisjunctionMaxQuery Anywhere(string word)
    {
        var query = new DisjunctionMaxQuery(0.1f);
        foreach (var field in Fields)
        {
            query.Add(new TermQuery(new Term(field, word)));
        }

        return query;
    }

    private static PhraseQuery Phrase(string field, params string[] words)
    {
        var phrase = new PhraseQuery();
        foreach (var word in words)
        {
            phrase.Add(new Term(field, word));
        }

        return phrase;
    }

    private static void AssertSameAsClauses(IndexSearcher searcher, int n)
    {
        (Query[] Clauses, Query[] Excluded)[] cases =
        [
            ([Anywhere("alpha")], [Anywhere("beta")]),
            ([Anywhere("alpha"), Anywhere("gamma")], [Anywhere("delta")]),
            ([Anywhere("gamma")], [Anywhere("beta"), Phrase(PaperFields.Abstract, "delta", "epsilon")]),
            ([Phrase(PaperFields.Title, "alpha", "beta")], [Anywhere("zeta"), Anywhere("nothing")]),
            ([], [Anywhere("epsilon")]),
        ];

        foreach (var (clauses, excluded) in cases)
        {
            foreach (var anyClause in new[] { false, true })
            {
                var plain = new BooleanQuery(disableCoord: true);
                if (clauses.Length == 0)
                {
                    plain.Add(new MatchAllDocsQuery(), Occur.MUST);
                }

                foreach (var clause in clauses)
                {
                    plain.Add(clause, anyClause ? Occur.SHOULD : Occur.MUST);
                }

                foreach (var word in excluded)
                {
                    plain.Add(word, Occur.MUST_NOT);
                }

                var query = PaperQueryBuilder.Combine(clauses, anyClause);
                var filter = new ExcludedTermsFilter(excluded);

                var expected = searcher.Search(plain, n);
                var actual = searcher.Search(query, filter, n);
                Assert.Equal(expected.TotalHits, actual.TotalHits);
                Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), actual.ScoreDocs.Select(d => (d.Doc, d.Score)));

                foreach (var order in new[] { HitOrder.NewestFirst, HitOrder.MostUpvotedFirst })
                {
                    var sortedPlain = new SortedTopCollector(order, n);
                    searcher.Search(plain, sortedPlain);
                    var sorted = new SortedTopCollector(order, n);
                    searcher.Search(query, filter, sorted);
                    Assert.Equal(sortedPlain.TotalHits, sorted.TotalHits);
                    Assert.Equal(sortedPlain.TopDocs().Select(d => (d.Doc, d.Score)), sorted.TopDocs().Select(d => (d.Doc, d.Score)));
                }
            }
        }
    }

    private void AddPapers(int count) => _index.Add(count, (_, document) =>
    {
        document.Add(new TextField(PaperFields.Title, Text(1, 6), Field.Store.NO));
        document.Add(new TextField(PaperFields.Abstract, Text(3, 20), Field.Store.NO));
        document.Add(new NumericDocValuesField(PaperFields.DateSort, _random.Next(0, 60)));
        document.Add(new NumericDocValuesField(PaperFields.UpvotesSort, _random.Next(0, 5)));
    });

    private string Text(int min, int max) =>
        string.Join(' ', Enumerable.Range(0, _random.Next(min, max)).Select(_ => Words[_random.Next(Words.Length)]));
}
