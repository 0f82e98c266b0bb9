using ChatBot.Storage.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ChatBot.Storage.Tests.Search;

/// <summary>
/// <see cref="SortedTopCollector"/> keeps exactly the hits, order, scores and total Lucene's own sorted search gives:
/// compared on an index with many ties on each key, several segments, deleted documents and documents without values.
/// </summary>
public sealed class SortedTopCollectorTests : IDisposable
{
    private static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "epsilon"];

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public SortedTopCollectorTests()
    {
        var random = new Random(7);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            Similarity = new BM25Similarity(),
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < 3_000; i++)
            {
                var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 12)).Select(_ => Words[random.Next(Words.Length)]));
                var document = new Document
                {
                    new StringField(PaperFields.Id, i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO),
                    new TextField(PaperFields.Title, text, Field.Store.NO),
                };
                // Few distinct values, so that ties are broken by the second key, the score and the document number.
                if (i % 50 != 0)
                {
                    document.Add(new NumericDocValuesField(PaperFields.DateSort, random.Next(0, 40)));
                    document.Add(new NumericDocValuesField(PaperFields.UpvotesSort, random.Next(0, 4)));
                }

                writer.AddDocument(document);
                if (i % 700 == 699)
                {
                    writer.Commit();
                }

                if (i % 97 == 0)
                {
                    writer.DeleteDocuments(new Term(PaperFields.Id, (i / 2).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
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

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

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
