using System.Diagnostics;

namespace ChatBot.Benchmarks.Measuring;

/// <summary>Where ingest time goes: time spent in the paper store's upserts and in the search index's updates.</summary>
internal sealed class IngestTimings
{
    private long _storeTicks;
    private long _indexTicks;

    public TimeSpan Store => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _storeTicks));

    public TimeSpan Index => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _indexTicks));

    public void AddStore(long startTimestamp) => Interlocked.Add(ref _storeTicks, Stopwatch.GetTimestamp() - startTimestamp);

    public void AddIndex(long startTimestamp) => Interlocked.Add(ref _indexTicks, Stopwatch.GetTimestamp() - startTimestamp);

    public void Reset()
    {
        Interlocked.Exchange(ref _storeTicks, 0);
        Interlocked.Exchange(ref _indexTicks, 0);
    }
}
