using System.Diagnostics;

namespace ChatBot.Benchmarks.Reporting;

/// <summary>
/// The process's memory: the peak working set, and the managed heap as extra detail. Call it while the
/// host is still open, so the live heap counts what the services hold.
/// </summary>
internal static class MemoryProbe
{
    private const string Section = "Memory";
    private const double Megabyte = 1024 * 1024;

    /// <param name="report">Where the figures go.</param>
    /// <param name="elapsed">The run so far.</param>
    /// <param name="paused">Time the GC paused the program in that run (<see cref="GC.GetTotalPauseDuration"/>).</param>
    public static void Record(BenchmarkReport report, TimeSpan elapsed, TimeSpan paused)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var gc = GC.GetGCMemoryInfo();
        report.Add(Section, "peak_working_set_mb", "peak working set", process.PeakWorkingSet64 / Megabyte, "MB");
        report.Add(Section, "working_set_mb", "working set now", process.WorkingSet64 / Megabyte, "MB");
        report.Add(Section, "managed_heap_mb", "managed heap now (GC.GetTotalMemory)", GC.GetTotalMemory(forceFullCollection: false) / Megabyte, "MB");
        report.Add(Section, "gc_heap_size_mb", "GC heap at last collection", gc.HeapSizeBytes / Megabyte, "MB");
        report.Add(Section, "gc_committed_mb", "GC committed", gc.TotalCommittedBytes / Megabyte, "MB");
        report.Add(Section, "gc_collections_gen2", "gen2 collections", GC.CollectionCount(2));
        report.Add(Section, "gc_pause_seconds", "GC pauses", paused.TotalSeconds, "s");
        report.Add(Section, "gc_pause_percent", "  share of the run", elapsed > TimeSpan.Zero ? 100 * paused / elapsed : 0, "%");

        // Last, as it collects: what the services still hold (caches, index readers), garbage aside.
        report.Add(Section, "managed_live_mb", "managed heap after a full GC", GC.GetTotalMemory(forceFullCollection: true) / Megabyte, "MB");
    }
}
