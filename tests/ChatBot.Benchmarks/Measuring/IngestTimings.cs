using System.Diagnostics;

namespace ChatBot.Benchmarks.Measuring;

/// <summary>Where ingest time goes: time spent in the paper store's upserts and in the search index's updates.</summary>
internal sealed class IngestTimings
{
    private long _storeTicks;
    private long _indexTicks;
    private long _storeCpuTicks;

    public TimeSpan Store => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _storeTicks));

    public TimeSpan Index => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _indexTicks));

    /// <summary>CPU time of the store's upserts that completed synchronously (on the calling thread).</summary>
    public TimeSpan StoreCpu => TimeSpan.FromTicks(Interlocked.Read(ref _storeCpuTicks));

    public void AddStoreCpu(TimeSpan cpu) => Interlocked.Add(ref _storeCpuTicks, cpu.Ticks);

    public void AddStore(long startTimestamp) => Interlocked.Add(ref _storeTicks, Stopwatch.GetTimestamp() - startTimestamp);

    public void AddIndex(long startTimestamp) => Interlocked.Add(ref _indexTicks, Stopwatch.GetTimestamp() - startTimestamp);

    public void Reset()
    {
        Interlocked.Exchange(ref _storeTicks, 0);
        Interlocked.Exchange(ref _indexTicks, 0);
        Interlocked.Exchange(ref _storeCpuTicks, 0);
    }
}
