using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ChatBot.Storage.Search;

/// <summary>
/// Values worked out from one index segment (a bit set of matches, an array of doc values), kept per segment and key
/// while the segment lives and dropped with it. The segment is a reader instance, or its core key when the value
/// survives deletes and doc-values updates. Past <paramref name="capacity"/> keys in a segment a value is built for the
/// caller and not kept, so rare keys cannot grow the cache without bound.
/// </summary>
internal sealed class SegmentCache<TKey, TValue>(int capacity)
    where TKey : notnull
    where TValue : class
{
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<TKey, TValue>> _segments = new();

    /// <summary>The kept value of <paramref name="key"/> in <paramref name="segment"/>, or a new one <paramref name="build"/> makes from <paramref name="state"/>.</summary>
    public TValue GetOrBuild<TState>(object segment, TKey key, TState state, Func<TState, TValue> build)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(build);
        var kept = _segments.GetValue(segment, _ => new ConcurrentDictionary<TKey, TValue>());
        if (kept.TryGetValue(key, out var value))
        {
            return value;
        }

        value = build(state);
        return kept.Count < capacity ? kept.GetOrAdd(key, value) : value;
    }
}
