using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ChatBot.Benchmarks.Vectors;

/// <summary>
/// The calls of USearch's C library (the same libusearch_c the package ships and its C# binding loads) that the
/// binding does not wrap: filtered search with a predicate, memory usage, the search expansion, the threads that may add at once,
/// and a reservation up front
/// (the binding's own grows the index as it goes and, in 2.26.6, has no way to ask for room first).
/// </summary>
internal static unsafe partial class UsearchNative
{
    private const string Library = "libusearch_c";

    [LibraryImport(Library, EntryPoint = "usearch_filtered_search")]
    public static partial nuint FilteredSearch(
        nint index, sbyte* query, uint queryKind, nuint count, delegate* unmanaged[Cdecl]<ulong, nint, int> filter, nint filterState,
        ulong* keys, float* distances, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_memory_usage")]
    public static partial nuint MemoryUsage(nint index, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_expansion_search")]
    public static partial void ChangeExpansionSearch(nint index, nuint expansion, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_change_threads_add")]
    public static partial void ChangeThreadsAdd(nint index, nuint threads, out nint error);

    [LibraryImport(Library, EntryPoint = "usearch_reserve")]
    public static partial void Reserve(nint index, nuint capacity, out nint error);

    public static void ThrowIfError(nint error)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"USearch: {Marshal.PtrToStringAnsi(error)}");
        }
    }

    /// <summary>The filter USearch calls back for each candidate: is its key in the allowed set (a GCHandle in state)?</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int Allowed(ulong key, nint state) =>
        ((HashSet<long>)GCHandle.FromIntPtr(state).Target!).Contains((long)key) ? 1 : 0;
}
