using System.Globalization;
using ChatBot.Storage.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ChatBot.Storage.Tests.Search;

/// <summary>
/// <see cref="UpvoteRangeFilter"/> matches what Lucene's field-cache range filter matches, asked twice (the second time
/// from its bit sets), and a reader opened after an upvote update sees the new counts.
/// </summary>
public sealed class UpvoteRangeFilterTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;

    public UpvoteRangeFilterTests()
    {
        _writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        });
        var random = new Random(3);
        for (var i = 0; i < 500; i++)
        {
            var document = new Document { new StringField(PaperFields.Id, Id(i), Field.Store.NO) };
            // Some documents without a count, which counts as 0.
            if (i % 9 != 0)
            {
                document.Add(new NumericDocValuesField(PaperFields.UpvotesSort, random.Next(0, 100)));
            }

            _writer.AddDocument(document);
            if (i % 150 == 149)
            {
                _writer.Commit();
            }
        }

        _writer.DeleteDocuments(new Term(PaperFields.Id, Id(7)));
        _writer.Commit();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _directory.Dispose();
    }

    [Theory]
    [InlineData(50, null)]
    [InlineData(null, 0)]
    [InlineData(0, 0)]
    [InlineData(10, 20)]
    [InlineData(30, 10)]
    [InlineData(null, null)]
    public void Matches_what_the_field_cache_range_filter_matches(int? min, int? max)
    {
        using var reader = DirectoryReader.Open(_directory);
        var searcher = new IndexSearcher(reader);
        var expected = Docs(searcher, FieldCacheRangeFilter.NewInt32Range(PaperFields.UpvotesSort, min, max, includeLower: true, includeUpper: true));

        Assert.Equal(expected, Docs(searcher, new UpvoteRangeFilter(min, max)));
        Assert.Equal(expected, Docs(searcher, new UpvoteRangeFilter(min, max)));
    }

    [Fact]
    public void A_reader_opened_after_an_upvote_update_sees_the_new_count()
    {
        using (var before = DirectoryReader.Open(_writer, applyAllDeletes: true))
        {
            Assert.Empty(Docs(new IndexSearcher(before), new UpvoteRangeFilter(1_000, null)));
        }

        _writer.UpdateNumericDocValue(new Term(PaperFields.Id, Id(42)), PaperFields.UpvotesSort, 5_000);

        using var after = DirectoryReader.Open(_writer, applyAllDeletes: true);
        Assert.Single(Docs(new IndexSearcher(after), new UpvoteRangeFilter(1_000, null)));
    }

    private static List<int> Docs(IndexSearcher searcher, Filter filter) =>
        [.. searcher.Search(new MatchAllDocsQuery(), filter, 1_000).ScoreDocs.Select(d => d.Doc).Order()];

    private static string Id(int i) => i.ToString(CultureInfo.InvariantCulture);
}
