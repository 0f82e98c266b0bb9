using ChatBot.Storage.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace ChatBot.Storage.Tests.Search;

/// <summary>
/// A query resolved by <see cref="TermStates"/> (its terms looked up with kept enumerators) finds exactly the hits, scores
/// and total of Lucene's own look-up: on a random index of several segments with deleted documents, a field some
/// segments lack and words some segments lack, for term, disjunction, boolean and phrase queries, from several threads,
/// and again on a reader refreshed after more papers and deletes.
/// </summary>
public sealed class TermStatesTests : IDisposable
{
    private static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"];

    private readonly SegmentedTestIndex _index = new(commitEvery: 500, deleteEvery: 71);
    private readonly Random _random = new(5);

    public TermStatesTests()
    {
        AddPapers(2_000);
    }

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Resolved_queries_find_what_Lucenes_look_up_finds()
    {
        using var reader = _index.OpenReader();
        AssertSameAsLucene(reader);
        AssertSameAsLucene(reader);
    }

    [Fact]
    public void A_refreshed_reader_is_looked_up_afresh()
    {
        using (var before = _index.OpenReader())
        {
            AssertSameAsLucene(before);
        }

        AddPapers(900);
        using var after = _index.OpenReader();
        AssertSameAsLucene(after);
    }

    [Fact]
    public void Threads_searching_at_once_find_what_Lucene_finds()
    {
        using var reader = _index.OpenReader();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => AssertSameAsLucene(reader));
    }

    private static Query[] Queries()
    {
        var anyField = new DisjunctionMaxQuery(0.1f)
        {
            new TermQuery(new Term(PaperFields.Title, "alpha")) { Boost = 3f },
            new TermQuery(new Term(PaperFields.Abstract, "alpha")),
            new TermQuery(new Term(PaperFields.Keywords, "alpha")) { Boost = 1.5f },
        };
        var phrase = new PhraseQuery { new Term(PaperFields.Abstract, "beta"), new Term(PaperFields.Abstract, "gamma") };
        var withPhrase = new DisjunctionMaxQuery(0.1f) { phrase, new TermQuery(new Term(PaperFields.Title, "delta")) };
        return
        [
            new TermQuery(new Term(PaperFields.Abstract, "beta")),
            new TermQuery(new Term(PaperFields.Keywords, "zeta")),
            new TermQuery(new Term(PaperFields.Title, "nowhere")),
            anyField,
            withPhrase,
            new BooleanQuery(disableCoord: true) { { anyField, Occur.MUST }, { new TermQuery(new Term(PaperFields.Abstract, "eta")), Occur.MUST } },
            new BooleanQuery(disableCoord: true) { { anyField, Occur.SHOULD }, { withPhrase, Occur.SHOULD } },
            new BooleanQuery { { new TermQuery(new Term(PaperFields.Title, "gamma")), Occur.SHOULD }, { new TermQuery(new Term(PaperFields.Title, "eta")), Occur.SHOULD } },
        ];
    }

    private static void AssertSameAsLucene(IndexReader reader)
    {
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        foreach (var query in Queries())
        {
            var expected = searcher.Search(query, 50);
            var actual = searcher.Search(TermStates.Resolve(query, searcher.TopReaderContext), 50);
            Assert.Equal(expected.TotalHits, actual.TotalHits);
            Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), actual.ScoreDocs.Select(d => (d.Doc, d.Score)));
        }
    }

    private void AddPapers(int count) => _index.Add(count, (number, document) =>
    {
        document.Add(new TextField(PaperFields.Title, Text(number, 1, 6), Field.Store.NO));
        document.Add(new TextField(PaperFields.Abstract, Text(number, 3, 20), Field.Store.NO));
        // Keywords in the later papers only: the first segments have no such field.
        if (number >= 1_200)
        {
            document.Add(new TextField(PaperFields.Keywords, Text(number, 1, 3), Field.Store.NO));
        }
    });

    // The first segment holds neither "zeta" nor "eta".
    // The last two words only from paper 500 on: the first segment lacks them.
    private string Text(int number, int min, int max) =>
        string.Join(' ', Enumerable.Range(0, _random.Next(min, max)).Select(_ => Words[_random.Next(number < 500 ? Words.Length - 2 : Words.Length)]));
}
