using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ChatBot.Storage.Search;

/// <summary>
/// The first <c>n</c> hits in a <see cref="HitOrder"/>, with every hit counted: the order (and scores) Lucene's sorted
/// search gives for the same sort with scores tracked. Lucene's <c>TopFieldCollector</c> compares through a virtual comparator per sort
/// field and slot; with dates rising along the index (papers arrive in date order) every hit of a newest-first search
/// is competitive, so that cost is paid per hit. Here a competitive hit costs a few compares of a struct in a small
/// heap, and a hit that cannot compete (its first key below the worst kept one) costs one array read (the keys are
/// read from <see cref="SortValues"/>, not from the doc values on disk).
/// </summary>
internal sealed class SortedTopCollector : ICollector
{
    private readonly string _primaryField;
    private readonly string? _secondaryField;
    private readonly Entry[] _heap;
    private int _size;
    private long[] _primary = [];
    private long[]? _secondary;
    private Scorer? _scorer;
    private int _docBase;

    /// <param name="order">The order; a document without a value of a field counts as 0.</param>
    /// <param name="n">Hits kept (at least 1).</param>
    public SortedTopCollector(HitOrder order, int n)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        _primaryField = order.Primary;
        _secondaryField = order.Secondary;
        _heap = new Entry[n];
    }

    /// <summary>Every hit collected, kept or not.</summary>
    public int TotalHits { get; private set; }

    // The order is decided by the keys and the document number, never by the order hits arrive in.
    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _primary = SortValues.Of(context.AtomicReader, _primaryField);
        _secondary = _secondaryField is null ? null : SortValues.Of(context.AtomicReader, _secondaryField);
    }

    public void Collect(int doc)
    {
        TotalHits++;
        var primary = _primary[doc];
        if (_size == _heap.Length && primary < _heap[0].Primary)
        {
            return;
        }

        var entry = new Entry(primary, _secondary?[doc] ?? 0, _scorer!.GetScore(), _docBase + doc);
        if (_size < _heap.Length)
        {
            _heap[_size] = entry;
            SiftUp(_size++);
        }
        else if (Ranks(entry, _heap[0]))
        {
            _heap[0] = entry;
            SiftDown(0);
        }
    }

    /// <summary>The kept hits, best first, with their scores.</summary>
    public ScoreDoc[] TopDocs() => Best([this], _heap.Length);

    /// <summary>
    /// The best <paramref name="n"/> hits of collectors of one order that each searched a part of the index, best
    /// first, with every hit of every part counted: what one collector over the whole index would give.
    /// </summary>
    public static TopDocs Merge(IReadOnlyList<SortedTopCollector> parts, int n)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new TopDocs(parts.Sum(p => p.TotalHits), Best(parts, n), float.NaN);
    }

    private static ScoreDoc[] Best(IReadOnlyList<SortedTopCollector> parts, int n)
    {
        var order = parts[0];
        var kept = parts.SelectMany(p => p._heap.Take(p._size)).ToArray();
        Array.Sort(kept, (a, b) => order.Ranks(a, b) ? -1 : order.Ranks(b, a) ? 1 : 0);
        return [.. kept.Take(n).Select(e => new ScoreDoc(e.Doc, e.Score))];
    }

    // The heap keeps the worst kept hit on top.
    private void SiftUp(int i)
    {
        var entry = _heap[i];
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Ranks(_heap[parent], entry))
            {
                break;
            }

            _heap[i] = _heap[parent];
            i = parent;
        }

        _heap[i] = entry;
    }

    private void SiftDown(int i)
    {
        var entry = _heap[i];
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= _size)
            {
                break;
            }

            if (child + 1 < _size && Ranks(_heap[child], _heap[child + 1]))
            {
                child++;
            }

            if (!Ranks(entry, _heap[child]))
            {
                break;
            }

            _heap[i] = _heap[child];
            i = child;
        }

        _heap[i] = entry;
    }

    // True when a ranks before b.
    private bool Ranks(in Entry a, in Entry b)
    {
        if (a.Primary != b.Primary)
        {
            return a.Primary > b.Primary;
        }

        if (_secondaryField is null)
        {
            if (a.Score != b.Score)
            {
                return a.Score > b.Score;
            }
        }
        else if (a.Secondary != b.Secondary)
        {
            return a.Secondary > b.Secondary;
        }

        return a.Doc < b.Doc;
    }

    private readonly record struct Entry(long Primary, long Secondary, float Score, int Doc);
}
