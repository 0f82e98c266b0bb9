using System.Diagnostics;

namespace ChatBot.Benchmarks.Measuring;

/// <summary>Times operations one by one with <see cref="Stopwatch"/> and keeps every timing.</summary>
internal sealed class LatencyRecorder(int capacity = 1024)
{
    private readonly List<double> _milliseconds = new(capacity);

    public int Count => _milliseconds.Count;

    /// <summary>Every timing, in milliseconds, in the order taken.</summary>
    public IReadOnlyList<double> Timings => _milliseconds;

    /// <summary>The latest timing, in milliseconds.</summary>
    public double Last => _milliseconds[^1];

    public void Record(double milliseconds) => _milliseconds.Add(milliseconds);

    public async Task<T> TimeAsync<T>(Func<Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var started = Stopwatch.GetTimestamp();
        var result = await operation();
        _milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    public LatencySummary Summarize() => LatencySummary.Of(_milliseconds);
}
