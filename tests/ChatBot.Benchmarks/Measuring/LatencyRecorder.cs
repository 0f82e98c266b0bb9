using System.Diagnostics;

namespace ChatBot.Benchmarks.Measuring;

/// <summary>
/// Times operations one by one with <see cref="Stopwatch"/> and keeps every timing, and for those it times itself
/// whether a garbage collection ran meanwhile: a tail made of timings across a GC is the runtime's, not the query's.
/// </summary>
internal sealed class LatencyRecorder(int capacity = 1024)
{
    private readonly List<double> _milliseconds = new(capacity);
    private readonly List<double> _withoutGc = new(capacity);

    public int Count => _milliseconds.Count;

    /// <summary>Every timing, in milliseconds, in the order taken.</summary>
    public IReadOnlyList<double> Timings => _milliseconds;

    /// <summary>The latest timing, in milliseconds.</summary>
    public double Last => _milliseconds[^1];

    /// <summary>Timings taken by <see cref="TimeAsync{T}"/> while a garbage collection ran.</summary>
    public int CountAcrossGc { get; private set; }

    /// <summary>A timing taken elsewhere (not known to be free of a GC).</summary>
    public void Record(double milliseconds) => _milliseconds.Add(milliseconds);

    public async Task<T> TimeAsync<T>(Func<Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var collections = GC.CollectionCount(0);
        var started = Stopwatch.GetTimestamp();
        var result = await operation();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _milliseconds.Add(elapsed);
        if (GC.CollectionCount(0) == collections)
        {
            _withoutGc.Add(elapsed);
        }
        else
        {
            CountAcrossGc++;
        }

        return result;
    }

    public LatencySummary Summarize() => LatencySummary.Of(_milliseconds);

    /// <summary>The timings of <see cref="TimeAsync{T}"/> during which no garbage collection ran.</summary>
    public LatencySummary SummarizeWithoutGc() => LatencySummary.Of(_withoutGc);
}
