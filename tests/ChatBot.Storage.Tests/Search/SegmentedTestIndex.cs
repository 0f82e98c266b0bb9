using System.Globalization;
using ChatBot.Storage.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace ChatBot.Storage.Tests.Search;

/// <summary>
/// An in-memory index written in several segments with deleted documents, for tests that compare a part of our search
/// with Lucene's own. Documents are numbered from 0 (the number is their id field); a segment is committed every
/// <c>commitEvery</c> documents, and every <c>deleteEvery</c>-th document deletes the one numbered half of it. Merges
/// are off, so the segments stay as written.
/// </summary>
internal sealed class SegmentedTestIndex : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly int _commitEvery;
    private readonly int _deleteEvery;

    public SegmentedTestIndex(int commitEvery, int deleteEvery)
    {
        _commitEvery = commitEvery;
        _deleteEvery = deleteEvery;
        Writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            Similarity = new BM25Similarity(),
            MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
        });
    }

    public IndexWriter Writer { get; }

    /// <summary>Documents numbered so far.</summary>
    public int Count { get; private set; }

    public static string Id(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Adds <paramref name="count"/> documents, each given its fields besides the id by <paramref name="fill"/> (with its number); commits at the end.</summary>
    public void Add(int count, Action<int, Document> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        for (var end = Count + count; Count < end; Count++)
        {
            var document = new Document { new StringField(PaperFields.Id, Id(Count), Field.Store.NO) };
            fill(Count, document);
            Writer.AddDocument(document);
            if (Count % _commitEvery == _commitEvery - 1)
            {
                Writer.Commit();
            }

            if (Count % _deleteEvery == 0)
            {
                Writer.DeleteDocuments(new Term(PaperFields.Id, Id(Count / 2)));
            }
        }

        Writer.Commit();
    }

    /// <summary>A reader of everything written, deletes applied.</summary>
    public DirectoryReader OpenReader() => DirectoryReader.Open(Writer, applyAllDeletes: true);

    public void Dispose()
    {
        Writer.Dispose();
        _directory.Dispose();
    }
}
