using Lucene.Net.Index;

namespace ChatBot.Storage.Search;

/// <summary>Documents <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive) of one segment, numbered within it.</summary>
internal readonly record struct LeafRange(AtomicReaderContext Leaf, int From, int To)
{
    public static LeafRange Whole(AtomicReaderContext leaf) => new(leaf, 0, leaf.AtomicReader.MaxDoc);

    public bool IsWhole => From == 0 && To == Leaf.AtomicReader.MaxDoc;

    public int Count => To - From;
}
