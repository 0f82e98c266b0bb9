using System.Diagnostics;

namespace ChatBot.Benchmarks.Reporting;

/// <summary>
/// The process's memory: the peak working set, of the run and of each scenario, and the managed heap as extra detail.
/// Call <see cref="Record"/> while the host is still open, so the live heap counts what the services hold.
/// A scenario's peak: Linux keeps one high-water mark per process (VmHWM, what <see cref="Process.PeakWorkingSet64"/>
/// reads) and resets it to the current working set when "5" is written to <c>/proc/self/clear_refs</c>; it is reset
/// before each scenario and read after. The run's peak is the highest of those readings.
/// </summary>
internal static class MemoryProbe
{
    private const string Section = "Memory";
    private const double Megabyte = 1024 * 1024;

    private static double s_runPeak;
    private static bool s_resettable = true;

    /// <summary>Before a scenario: the peak so far counts for the run, then the high-water mark starts again from now.</summary>
    public static void StartScenario()
    {
        s_runPeak = Math.Max(s_runPeak, PeakMegabytes());
        if (!s_resettable)
        {
            return;
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            s_resettable = false; // then each scenario reports the peak so far
        }
    }

    /// <summary>After a scenario: its peak working set, as <c>peak_working_set_{name}_mb</c>.</summary>
    public static void EndScenario(BenchmarkReport report, string name)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(name);
        var peak = PeakMegabytes();
        s_runPeak = Math.Max(s_runPeak, peak);
        var key = name.Replace('-', '_');
        report.Add(Section, $"peak_working_set_{key}_mb", $"peak working set, {name}{(s_resettable ? "" : " (so far: not resettable here)")}", peak, "MB");
    }

    private static double PeakMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / Megabyte;
    }

    /// <param name="report">Where the figures go.</param>
    /// <param name="elapsed">The run so far.</param>
    /// <param name="paused">Time the GC paused the program in that run (<see cref="GC.GetTotalPauseDuration"/>).</param>
    public static void Record(BenchmarkReport report, TimeSpan elapsed, TimeSpan paused)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var gc = GC.GetGCMemoryInfo();
        report.Add(Section, "peak_working_set_mb", "peak working set", Math.Max(s_runPeak, process.PeakWorkingSet64 / Megabyte), "MB");
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
