using ChatBot.Core.Papers;

namespace ChatBot.Core.Semantic;

/// <summary>
/// Paper vectors in memory as int8 (<see cref="Int8Vectors"/>), in one contiguous block scanned exactly for the
/// nearest ones: at 100k papers of 384 dimensions that is 38 MB read per query, about 5 ms on one core,
/// with no index to build or tune; large sets are scanned on up to four cores at once. Thread-safe: searches share a
/// read lock, changes take the write lock.
/// </summary>
public sealed class QuantizedVectorSet(int dimensions) : IDisposable
{
    // Below this many vectors one core scans them in about a millisecond; above, the scan is split across cores.
    private const int ParallelFrom = 32_768;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<long, int> _slotBySequence = [];
    private readonly Dictionary<PaperId, int> _slotById = [];
    private sbyte[] _values = [];
    private float[] _scales = [];
    private long[] _sequences = [];
    private PaperId[] _ids = [];
    private ulong[] _hashes = [];
    private int _count;

    public int Dimensions { get; } = dimensions > 0 ? dimensions : throw new ArgumentOutOfRangeException(nameof(dimensions));

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>The bytes held for the vectors and their keys (the dictionaries estimated at 48 bytes an entry).</summary>
    public long MemoryBytes
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _values.LongLength + (_scales.LongLength * 4) + (_sequences.LongLength * 8) + (_ids.LongLength * 8) + (_hashes.LongLength * 8) + (_count * 96L);
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds or replaces the vector of <paramref name="vector"/>'s sequence.</summary>
    public void Upsert(PaperVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var quantized = new sbyte[Dimensions];
        var scale = Int8Vectors.Quantize(CheckLength(vector.Vector), quantized);
        Upsert(vector.Sequence, vector.Id, vector.ContentHash, quantized, scale);
    }

    /// <summary>Adds or replaces an already quantised vector (as read back from a file).</summary>
    public void Upsert(long sequence, PaperId id, ulong contentHash, ReadOnlySpan<sbyte> values, float scale)
    {
        if (values.Length != Dimensions)
        {
            throw new ArgumentException($"Expected {Dimensions} dimensions, got {values.Length}.", nameof(values));
        }

        _lock.EnterWriteLock();
        try
        {
            if (!_slotBySequence.TryGetValue(sequence, out var slot))
            {
                slot = _count++;
                EnsureCapacity(_count);
                _slotBySequence[sequence] = slot;
            }
            else if (_ids[slot] != id)
            {
                _slotById.Remove(_ids[slot]);
            }

            values.CopyTo(_values.AsSpan(slot * Dimensions, Dimensions));
            _scales[slot] = scale;
            _sequences[slot] = sequence;
            _ids[slot] = id;
            _hashes[slot] = contentHash;
            _slotById[id] = slot;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool Remove(long sequence)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_slotBySequence.Remove(sequence, out var slot))
            {
                return false;
            }

            _slotById.Remove(_ids[slot]);
            var last = --_count;
            if (slot != last)
            {
                // The last vector fills the hole, so the block stays contiguous for the scan.
                _values.AsSpan(last * Dimensions, Dimensions).CopyTo(_values.AsSpan(slot * Dimensions, Dimensions));
                _scales[slot] = _scales[last];
                _sequences[slot] = _sequences[last];
                _ids[slot] = _ids[last];
                _hashes[slot] = _hashes[last];
                _slotBySequence[_sequences[slot]] = slot;
                _slotById[_ids[slot]] = slot;
            }

            _ids[last] = default;
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Clear()
    {
        _lock.EnterWriteLock();
        try
        {
            _slotBySequence.Clear();
            _slotById.Clear();
            _count = 0;
            _values = [];
            _scales = [];
            _sequences = [];
            _ids = [];
            _hashes = [];
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The <paramref name="limit"/> nearest vectors to the unit vector <paramref name="query"/>, best first, among those <paramref name="allow"/> accepts.</summary>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int limit, Func<long, bool>? allow = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var quantized = new sbyte[Dimensions];
        var queryScale = Int8Vectors.Quantize(CheckLength(query), quantized);
        _lock.EnterReadLock();
        try
        {
            var count = _count;
            var parts = count >= ParallelFrom ? Math.Clamp(Environment.ProcessorCount, 1, 4) : 1;
            var best = new PriorityQueue<int, float>[parts];
            if (parts == 1)
            {
                best[0] = Scan(quantized, 0, count, limit, allow);
            }
            else
            {
                // Each core scans its own range into its own heap; the heaps are merged below.
                Parallel.For(0, parts, part => best[part] = Scan(quantized, (int)((long)count * part / parts), (int)((long)count * (part + 1) / parts), limit, allow));
            }

            var merged = best[0];
            for (var part = 1; part < parts; part++)
            {
                while (best[part].TryDequeue(out var slot, out var score))
                {
                    Offer(merged, limit, slot, score);
                }
            }

            var hits = new VectorHit[merged.Count];
            for (var i = hits.Length - 1; i >= 0; i--)
            {
                merged.TryDequeue(out var slot, out var score);
                hits[i] = new VectorHit(_ids[slot], _sequences[slot], score * queryScale);
            }

            return hits;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The stored vector (dequantised) of paper <paramref name="id"/>, or null.</summary>
    public PaperVector? Find(PaperId id)
    {
        _lock.EnterReadLock();
        try
        {
            if (!_slotById.TryGetValue(id, out var slot))
            {
                return null;
            }

            var vector = new float[Dimensions];
            Int8Vectors.Dequantize(_values.AsSpan(slot * Dimensions, Dimensions), _scales[slot], vector);
            return new PaperVector(_sequences[slot], _ids[slot], _hashes[slot], vector);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public bool TryGetContentHash(long sequence, out ulong hash)
    {
        _lock.EnterReadLock();
        try
        {
            var found = _slotBySequence.TryGetValue(sequence, out var slot);
            hash = found ? _hashes[slot] : 0;
            return found;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Calls <paramref name="visit"/> with each stored entry (sequence, id, hash, int8 values, scale), under the read lock.</summary>
    public void ForEach(Action<long, PaperId, ulong, ReadOnlyMemory<sbyte>, float> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        _lock.EnterReadLock();
        try
        {
            for (var slot = 0; slot < _count; slot++)
            {
                visit(_sequences[slot], _ids[slot], _hashes[slot], _values.AsMemory(slot * Dimensions, Dimensions), _scales[slot]);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    private static void Offer(PriorityQueue<int, float> best, int limit, int slot, float score)
    {
        if (best.Count < limit)
        {
            best.Enqueue(slot, score);
        }
        else if (best.TryPeek(out _, out var worst) && score > worst)
        {
            best.EnqueueDequeue(slot, score);
        }
    }

    // The best `limit` slots of [from, to) by the integer dot product times the vector's scale; the query's scale is
    // the same for every vector, so it is applied once to the winners.
    private PriorityQueue<int, float> Scan(sbyte[] query, int from, int to, int limit, Func<long, bool>? allow)
    {
        var best = new PriorityQueue<int, float>(limit + 1);
        var values = _values.AsSpan();
        for (var slot = from; slot < to; slot++)
        {
            if (allow is not null && !allow(_sequences[slot]))
            {
                continue;
            }

            Offer(best, limit, slot, Int8Vectors.Dot(query, values.Slice(slot * Dimensions, Dimensions)) * _scales[slot]);
        }

        return best;
    }

    private ReadOnlySpan<float> CheckLength(ReadOnlySpan<float> vector) =>
        vector.Length == Dimensions ? vector : throw new ArgumentException($"Expected {Dimensions} dimensions, got {vector.Length}.", nameof(vector));

    private void EnsureCapacity(int count)
    {
        if (count <= _scales.Length)
        {
            return;
        }

        var capacity = Math.Max(1024, _scales.Length * 2);
        Array.Resize(ref _values, capacity * Dimensions);
        Array.Resize(ref _scales, capacity);
        Array.Resize(ref _sequences, capacity);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _hashes, capacity);
    }
}
