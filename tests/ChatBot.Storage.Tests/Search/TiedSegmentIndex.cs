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
/// An in-memory index made to catch order mistakes: 3,000 documents of five words in five segments, with deletes, few
/// distinct date and upvote values (so ties go down to the score and the document number) and some documents without them.
/// </summary>
internal sealed class TiedSegmentIndex : IDisposable
{
    public static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "epsilon"];

    private readonly RAMDirectory _directory = new();

    public TiedSegmentIndex()
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
                    new StringField(PaperFields.Id, i.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
                    new TextField(PaperFields.Title, text, Field.Store.NO),
                };
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
                    writer.DeleteDocuments(new Term(PaperFields.Id, (i / 2).ToString(CultureInfo.InvariantCulture)));
                }
            }

            writer.Commit();
        }

        Reader = DirectoryReader.Open(_directory);
    }

    public DirectoryReader Reader { get; }

    public void Dispose()
    {
        Reader.Dispose();
        _directory.Dispose();
    }
}
