using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChatBot.Storage.Alerts;

/// <summary>Sets the bit of every document a query matches (no scores, no top-n) in a bit set of the batch.</summary>
internal sealed class DocBitsCollector(ulong[] bits) : ICollector
{
    private int _docBase;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
        // Scores are not needed: every matching paper counts.
    }

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc)
    {
        doc += _docBase;
        bits[doc >> 6] |= 1UL << doc;
    }
}
