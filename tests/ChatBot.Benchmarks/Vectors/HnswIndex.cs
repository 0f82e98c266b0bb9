using System.Reflection;
using System.Runtime.InteropServices;
using Cloud.Unum.USearch;

namespace ChatBot.Benchmarks.Vectors;

/// <summary>
/// A USearch HNSW index (cosine over int8) built through the package's C# binding, with the C calls the binding lacks
/// (<see cref="UsearchNative"/>) made on the binding's own native handle. Keys are the papers' sequences.
/// Adds may run on up to the constructor's number of threads at once (USearch locks per node).
/// </summary>
internal sealed class HnswIndex : IDisposable
{
    private readonly USearchIndex _index;
    private readonly nint _handle;

    public HnswIndex(int dimensions, int capacity, int threads, HnswSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _index = new USearchIndex(
            MetricKind.Cos, ScalarKind.Int8, (ulong)dimensions, (ulong)settings.Connectivity, (ulong)settings.ExpansionAdd,
            (ulong)settings.ExpansionSearch, multi: false);

        // The binding keeps the native index in a private field and offers no accessor; a benchmark may reach for it.
        _handle = typeof(USearchIndex).GetField("_index", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(_index) is IntPtr handle && handle != 0
            ? handle
            : throw new InvalidOperationException("This Cloud.Unum.USearch version keeps no native handle in USearchIndex._index.");

        // Room for every vector first: then concurrent adds never find the index full and resize it under each other.
        UsearchNative.Reserve(_handle, (nuint)capacity, out var error);
        UsearchNative.ThrowIfError(error);

        // Each thread adding at once takes one of a fixed pool of contexts; an empty pool fails the add, it does not wait.
        UsearchNative.ChangeThreadsAdd(_handle, (nuint)threads, out error);
        UsearchNative.ThrowIfError(error);
    }

    public long MemoryBytes
    {
        get
        {
            var bytes = UsearchNative.MemoryUsage(_handle, out var error);
            UsearchNative.ThrowIfError(error);
            return (long)bytes;
        }
    }

    /// <summary>The SIMD kernels USearch chose on this CPU.</summary>
    public string Simd => _index.HardwareAcceleration();

    public void Add(long key, sbyte[] vector) => _index.Add((ulong)key, vector);

    public void SetExpansionSearch(int expansion)
    {
        UsearchNative.ChangeExpansionSearch(_handle, (nuint)expansion, out var error);
        UsearchNative.ThrowIfError(error);
    }

    /// <summary>The keys of the <paramref name="count"/> nearest vectors, nearest first.</summary>
    public ulong[] Search(sbyte[] query, int count)
    {
        _index.Search(query, count, out var keys, out _);
        return keys;
    }

    /// <summary>As <see cref="Search(sbyte[], int)"/> among the keys in <paramref name="allowed"/>, filtered during the graph walk.</summary>
    public unsafe ulong[] Search(sbyte[] query, int count, HashSet<long> allowed)
    {
        var keys = new ulong[count];
        var distances = new float[count];
        var state = GCHandle.Alloc(allowed);
        try
        {
            nuint found;
            fixed (sbyte* q = query)
            fixed (ulong* k = keys)
            fixed (float* d = distances)
            {
                found = UsearchNative.FilteredSearch(_handle, q, (uint)ScalarKind.Int8, (nuint)count, &UsearchNative.Allowed, GCHandle.ToIntPtr(state), k, d, out var error);
                UsearchNative.ThrowIfError(error);
            }

            return found == (nuint)count ? keys : keys[..(int)found];
        }
        finally
        {
            state.Free();
        }
    }

    public void Dispose() => _index.Dispose();
}
