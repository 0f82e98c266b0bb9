using System.Runtime.InteropServices;

namespace ChatBot.Benchmarks.Measuring;

/// <summary>
/// CPU time, which a busy shared machine disturbs far less than wall-clock time: the whole process's (every thread:
/// the engines' background merges and the garbage collector included), and the calling thread's alone (to take out
/// work the benchmark does around what it measures, such as generating papers). The thread's is read with
/// <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c> on Linux and is zero elsewhere.
/// </summary>
internal static partial class CpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Process()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    public static TimeSpan CurrentThread()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
