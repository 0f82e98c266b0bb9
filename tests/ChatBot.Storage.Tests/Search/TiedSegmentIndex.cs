using ChatBot.Storage.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace ChatBot.Storage.Tests.Search;

/// <summary>
/// An in-memory index made to catch order mistakes: 3,000 documents of five words in five segments, with deletes, few
/// distinct date and upvote values (so ties go down to the score and the document number) and some documents without them.
/// </summary>
internal sealed class TiedSegmentIndex : IDisposable
{
    public static readonly string[] Words = ["alpha", "beta", "gamma", "delta", "epsilon"];

    private readonly SegmentedTestIndex _index = new(commitEvery: 700, deleteEvery: 97);

    public TiedSegmentIndex()
    {
        var random = new Random(7);
        _index.Add(3_000, (number, document) =>
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 12)).Select(_ => Words[random.Next(Words.Length)]));
            document.Add(new TextField(PaperFields.Title, text, Field.Store.NO));
            if (number % 50 != 0)
            {
                document.Add(new NumericDocValuesField(PaperFields.DateSort, random.Next(0, 40)));
                document.Add(new NumericDocValuesField(PaperFields.UpvotesSort, random.Next(0, 4)));
            }
        });
        Reader = _index.OpenReader();
    }

    public DirectoryReader Reader { get; }

    public void Dispose()
    {
        Reader.Dispose();
        _index.Dispose();
    }
}
