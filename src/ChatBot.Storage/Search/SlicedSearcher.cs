using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace ChatBot.Storage.Search;

/// <summary>
/// A searcher that runs one query over two halves of the index at once, on two cores. Lucene.Net 4.8 visits every
/// match of a query to rank it, so a query of common words costs in proportion to the index: tens of milliseconds at
/// a million papers on one core. The halves hold the same number of documents, cut inside the segment the middle falls
/// in (the merge policy leaves segments of very unequal sizes, and a query waits for its larger half). Every document
/// of the first half numbers below every one of the second, so merging keeps the exact order (ties by document number)
/// of a search on one thread. Small indexes, and machines of one core, search on the calling thread.
/// </summary>
internal sealed class SlicedSearcher : IndexSearcher
{
    /// <summary>Below this many documents a query is fast enough that handing half to another thread costs more than it saves.</summary>
    public const int MinDocumentsToSlice = 50_000;

    private readonly LeafRange[][] _halves;

    /// <param name="reader">The index.</param>
    /// <param name="similarity">How hits are scored.</param>
    /// <param name="minDocumentsToSlice">Below this many documents, one part (tests set it low).</param>
    /// <param name="processors">The cores to plan for; this machine's when null.</param>
    public SlicedSearcher(IndexReader reader, Similarity similarity, int minDocumentsToSlice = MinDocumentsToSlice, int? processors = null)
        : base(reader)
    {
        Similarity = similarity;
        _halves = Halves(reader.Leaves, reader.MaxDoc, processors ?? Environment.ProcessorCount, minDocumentsToSlice);
    }

    /// <summary>The documents of each part, in order (for tests).</summary>
    internal IEnumerable<int> PartSizes => _halves.Select(part => part.Sum(range => range.Count));

    /// <summary>
    /// The first <paramref name="wanted"/> hits by relevance, or in <paramref name="sort"/> order when given, with every
    /// hit counted: the same hits, scores, order and total as one thread searching the whole index.
    /// </summary>
    /// <param name="query">What to find.</param>
    /// <param name="filter">Which documents may be found; all when null.</param>
    /// <param name="wanted">How many hits.</param>
    /// <param name="sort">The order; relevance when null.</param>
    /// <param name="inDocumentOrder">
    /// Score a disjunction document by document (Lucene's <c>BooleanScorer2</c>) rather than in windows of 2,048 buckets per
    /// segment (<c>BooleanScorer</c>, which allocates its bucket table for every segment of every search): the same
    /// hits and scores, a fraction of the allocations for a query of many optional words such as similar papers'.
    /// </param>
    public TopDocs Top(Query query, Filter? filter, int wanted, HitOrder? sort, bool inDocumentOrder = false)
    {
        // As IndexSearcher does: never more slots than documents.
        var n = Math.Min(Math.Max(wanted, 1), Math.Max(IndexReader.MaxDoc, 1));
        if (sort is null)
        {
            var parts = SearchParts(query, filter, weight => TopScoreDocCollector.Create(n, inDocumentOrder || !weight.ScoresDocsOutOfOrder));
            return parts.Length == 1 ? parts[0].GetTopDocs() : TopDocs.Merge(null, n, [.. parts.Select(p => p.GetTopDocs())]);
        }

        return SortedTopCollector.Merge(SearchParts(query, filter, _ => new SortedTopCollector(sort, n)), n);
    }

    /// <summary>
    /// Runs <paramref name="query"/> (within <paramref name="filter"/>) over each part with a collector of its own,
    /// made by <paramref name="newCollector"/> from the query's weight; the collectors, in part order.
    /// </summary>
    private TCollector[] SearchParts<TCollector>(Query query, Filter? filter, Func<Weight, TCollector> newCollector)
        where TCollector : ICollector
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(newCollector);
        var weight = CreateNormalizedWeight(WrapFilter(query, filter));
        var collectors = new TCollector[_halves.Length];
        for (var i = 0; i < collectors.Length; i++)
        {
            collectors[i] = newCollector(weight);
        }

        if (collectors.Length == 1)
        {
            Search(_halves[0], weight, collectors[0]);
        }
        else
        {
            // The calling thread takes a part itself, so a busy thread pool slows a query down, never blocks it.
            Parallel.For(0, collectors.Length, i => Search(_halves[i], weight, collectors[i]));
        }

        return collectors;
    }

    private static void Search(LeafRange[] part, Weight weight, ICollector collector)
    {
        foreach (var range in part)
        {
            Search(range, weight, collector);
        }
    }

    // One segment, or part of one: as IndexSearcher searches a segment, but a part is scored in document order, from the
    // first document at or after From up to To.
    private static void Search(LeafRange range, Weight weight, ICollector collector)
    {
        try
        {
            collector.SetNextReader(range.Leaf);
            var liveDocs = range.Leaf.AtomicReader.LiveDocs;
            if (range.IsWhole)
            {
                // Lucene's bulk scorer, which may score a disjunction in windows, out of order.
                weight.GetBulkScorer(range.Leaf, !collector.AcceptsDocsOutOfOrder, liveDocs)?.Score(collector);
                return;
            }

            if (weight.GetScorer(range.Leaf, liveDocs) is not { } scorer)
            {
                return;
            }

            collector.SetScorer(scorer);
            for (var doc = range.From == 0 ? scorer.NextDoc() : scorer.Advance(range.From); doc < range.To; doc = scorer.NextDoc())
            {
                collector.Collect(doc);
            }
        }
        catch (CollectionTerminatedException)
        {
            // As IndexSearcher does: the collector wants no more of this segment.
        }
    }

    /// <summary>
    /// The documents cut in two contiguous halves of equal size (the segment the middle falls in split between them), or
    /// one run of whole segments when slicing would not pay.
    /// </summary>
    private static LeafRange[][] Halves(IList<AtomicReaderContext> leaves, int maxDoc, int processors, int minDocumentsToSlice)
    {
        if (processors < 2 || maxDoc < Math.Max(minDocumentsToSlice, 2))
        {
            return [[.. leaves.Select(LeafRange.Whole)]];
        }

        var middle = maxDoc / 2;
        List<LeafRange> first = [], second = [];
        foreach (var leaf in leaves)
        {
            var size = leaf.AtomicReader.MaxDoc;
            var cut = Math.Clamp(middle - leaf.DocBase, 0, size);
            if (cut > 0)
            {
                first.Add(new LeafRange(leaf, 0, cut));
            }

            if (cut < size)
            {
                second.Add(new LeafRange(leaf, cut, size));
            }
        }

        return [[.. first], [.. second]];
    }
}
