using ChatBot.Storage.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace ChatBot.Storage.Tests.Search;

/// <summary>
/// <see cref="SortedTopCollector"/> keeps exactly the hits, order, scores and total Lucene's own sorted search gives:
/// compared on an index with many ties on each key, several segments, deleted documents and documents without values
/// (<see cref="TiedSegmentIndex"/>).
/// </summary>
public sealed class SortedTopCollectorTests : IDisposable
{
    private readonly TiedSegmentIndex _index = new();
    private readonly IndexSearcher _searcher;

    public SortedTopCollectorTests()
    {
        _searcher = new IndexSearcher(_index.Reader) { Similarity = new BM25Similarity() };
    }

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (var order in new[] { "new", "top" })
        {
            foreach (var n in new[] { 1, 3, 10, 250, 5_000 })
            {
                cases.Add(order, n);
            }
        }

        return cases;
    }

    public void Dispose() => _index.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Keeps_what_Lucenes_sorted_search_keeps(string order, int n)
    {
        var (hitOrder, sort) = order == "new"
            ? (HitOrder.NewestFirst, new Sort(new SortField(PaperFields.DateSort, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE))
            : (HitOrder.MostUpvotedFirst, new Sort(
                new SortField(PaperFields.UpvotesSort, SortFieldType.INT32, reverse: true),
                new SortField(PaperFields.DateSort, SortFieldType.INT64, reverse: true)));
        Query[] queries =
        [
            new TermQuery(new Term(PaperFields.Title, "alpha")),
            new MatchAllDocsQuery(),
            new BooleanQuery { { new TermQuery(new Term(PaperFields.Title, "beta")), Occur.SHOULD }, { new TermQuery(new Term(PaperFields.Title, "gamma")), Occur.SHOULD } },
            new BooleanQuery { { new TermQuery(new Term(PaperFields.Title, "delta")), Occur.MUST }, { new TermQuery(new Term(PaperFields.Title, "epsilon")), Occur.MUST_NOT } },
        ];

        foreach (var query in queries)
        {
            var expected = _searcher.Search(query, null, n, sort, doDocScores: true, doMaxScore: false);
            var collector = new SortedTopCollector(hitOrder, n);
            _searcher.Search(query, collector);

            var actual = collector.TopDocs();
            Assert.Equal(expected.TotalHits, collector.TotalHits);
            Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), actual.Select(d => (d.Doc, d.Score)));
        }
    }
}
