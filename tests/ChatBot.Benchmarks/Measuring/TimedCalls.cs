using System.Diagnostics;

namespace ChatBot.Benchmarks.Measuring;

/// <summary>
/// Wall time and GC pauses summed over the calls run through <see cref="Run"/> only, so that work around them (making
/// an engine's documents in the floor) counts in neither.
/// </summary>
internal sealed class TimedCalls
{
    public TimeSpan Elapsed { get; private set; }

    public TimeSpan GcPause { get; private set; }

    public void Run(Action call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var started = Stopwatch.GetTimestamp();
        var pausedBefore = GC.GetTotalPauseDuration();
        call();
        Elapsed += Stopwatch.GetElapsedTime(started);
        GcPause += GC.GetTotalPauseDuration() - pausedBefore;
    }
}
