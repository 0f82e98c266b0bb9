using ChatBot.Storage.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace ChatBot.Storage.Tests.Search;

/// <summary>
/// <see cref="SlicedSearcher"/> searches a large index in two halves at once and must give exactly what one thread over
/// the whole index gives: the same hits, scores, order (ties by document number) and total, by relevance and sorted.
/// </summary>
public sealed class SlicedSearcherTests : IDisposable
{
    private readonly TiedSegmentIndex _index = new();
    private readonly IndexSearcher _plain;
    private readonly SlicedSearcher _sliced;

    public SlicedSearcherTests()
    {
        _plain = new IndexSearcher(_index.Reader) { Similarity = new BM25Similarity() };
        _sliced = new SlicedSearcher(_index.Reader, new BM25Similarity(), minDocumentsToSlice: 0, processors: 2);
    }

    public static TheoryData<int> Sizes() => [1, 3, 10, 250, 5_000];

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Cuts_the_documents_in_two_equal_halves_inside_a_segment()
    {
        // Five segments of 700, 700, 700, 700 and 200 documents: the middle (1,500) falls inside the third segment.
        Assert.Equal([700, 700, 700, 700, 200], _index.Reader.Leaves.Select(l => l.AtomicReader.MaxDoc));
        Assert.Equal([1_500, 1_500], _sliced.PartSizes);
        // One segment is cut as well.
        Assert.Equal([350, 350], new SlicedSearcher(_index.Reader.Leaves[0].Reader, new BM25Similarity(), minDocumentsToSlice: 0, processors: 2).PartSizes);
    }

    [Fact]
    public void Small_indexes_and_single_cores_are_searched_whole()
    {
        Assert.Equal([3_000], new SlicedSearcher(_index.Reader, new BM25Similarity(), minDocumentsToSlice: 3_001, processors: 2).PartSizes);
        Assert.Equal([3_000], new SlicedSearcher(_index.Reader, new BM25Similarity(), minDocumentsToSlice: 0, processors: 1).PartSizes);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Ranks_a_single_segment_cut_in_two_as_one_thread_does(int n)
    {
        var segment = _index.Reader.Leaves[2].Reader;
        var plain = new IndexSearcher(segment) { Similarity = new BM25Similarity() };
        var sliced = new SlicedSearcher(segment, new BM25Similarity(), minDocumentsToSlice: 0, processors: 2);
        foreach (var (query, filter) in Queries())
        {
            var expected = plain.Search(query, filter, n);
            var actual = sliced.Top(query, filter, n, sort: null);

            Assert.Equal(expected.TotalHits, actual.TotalHits);
            Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), actual.ScoreDocs.Select(d => (d.Doc, d.Score)));
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Ranks_by_relevance_as_one_thread_does(int n)
    {
        foreach (var (query, filter) in Queries())
        {
            var expected = _plain.Search(query, filter, n);
            var actual = _sliced.Top(query, filter, n, sort: null);

            Assert.Equal(expected.TotalHits, actual.TotalHits);
            Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), actual.ScoreDocs.Select(d => (d.Doc, d.Score)));
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Ranks_in_document_order_as_one_thread_does_in_windows(int n)
    {
        // A disjunction of many words (as similar papers ask) is where the two scorers differ: BooleanScorer on one thread,
        // BooleanScorer2 here.
        var words = new BooleanQuery();
        foreach (var word in new[] { "alpha", "beta", "gamma", "delta", "epsilon" })
        {
            words.Add(new TermQuery(new Term(PaperFields.Title, word)) { Boost = word.Length / 3f }, Occur.SHOULD);
        }

        foreach (var (query, filter) in Queries().Append((words, null)))
        {
            var expected = _plain.Search(query, filter, n);
            var actual = _sliced.Top(query, filter, n, sort: null, inDocumentOrder: true);

            Assert.Equal(expected.TotalHits, actual.TotalHits);
            Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), actual.ScoreDocs.Select(d => (d.Doc, d.Score)));
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Sorts_as_one_thread_does(int n)
    {
        foreach (var order in new[] { HitOrder.NewestFirst, HitOrder.MostUpvotedFirst })
        {
            foreach (var (query, filter) in Queries())
            {
                var whole = new SortedTopCollector(order, n);
                _plain.Search(query, filter, whole);
                var actual = _sliced.Top(query, filter, n, order);

                Assert.Equal(whole.TotalHits, actual.TotalHits);
                Assert.Equal(whole.TopDocs().Select(d => (d.Doc, d.Score)), actual.ScoreDocs.Select(d => (d.Doc, d.Score)));
            }
        }
    }

    // Every document scoring the same (match-all) leaves the order to the document numbers across the cut.
    private static IEnumerable<(Query Query, Filter? Filter)> Queries()
    {
        static TermQuery Word(string word) => new(new Term(PaperFields.Title, word));
        yield return (Word("alpha"), null);
        yield return (new MatchAllDocsQuery(), null);
        yield return (new BooleanQuery { { Word("beta"), Occur.SHOULD }, { Word("gamma"), Occur.SHOULD } }, null);
        yield return (new BooleanQuery { { Word("delta"), Occur.MUST }, { Word("epsilon"), Occur.MUST_NOT } }, null);
        yield return (Word("beta"), new QueryWrapperFilter(Word("alpha")));
        yield return (new PhraseQuery { new Term(PaperFields.Title, "alpha"), new Term(PaperFields.Title, "beta") }, null);
    }
}
