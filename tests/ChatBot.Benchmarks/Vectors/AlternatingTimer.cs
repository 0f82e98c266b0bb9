using System.Diagnostics;
using ChatBot.Benchmarks.Measuring;

namespace ChatBot.Benchmarks.Vectors;

/// <summary>
/// Times several ways of answering the same queries in turns, a block of queries each, the first in each round
/// rotating, so a neighbour's load on the shared machine falls on all of them alike and their ratio means something.
/// Latency is wall time per query; CPU time is the process's, per block, so it includes every thread a search used.
/// </summary>
internal static class AlternatingTimer
{
    public const int Block = 25;

    /// <summary>Runs each of <paramref name="runs"/> on queries [0, <paramref name="warmUp"/>) untimed, then on [warmUp, <paramref name="end"/>) timed.</summary>
    public static Timing[] Run(int warmUp, int end, params Action<int>[] runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        foreach (var run in runs)
        {
            for (var i = 0; i < warmUp; i++)
            {
                run(i);
            }
        }

        var recorders = runs.Select(_ => new LatencyRecorder(end - warmUp)).ToArray();
        var cpuMs = new double[runs.Length];
        var round = 0;
        for (var start = warmUp; start < end; start += Block, round++)
        {
            var stop = Math.Min(end, start + Block);
            for (var turn = 0; turn < runs.Length; turn++)
            {
                var which = (turn + round) % runs.Length;
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                for (var i = start; i < stop; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    runs[which](i);
                    recorders[which].Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                cpuMs[which] += (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            }
        }

        return [.. recorders.Select((recorder, which) => new Timing(recorder.Summarize(), cpuMs[which] / Math.Max(1, end - warmUp)))];
    }
}
