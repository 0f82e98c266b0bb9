using System.Diagnostics;
using System.Runtime;

namespace ChatBot.Benchmarks.Measuring;

/// <summary>
/// Warms a scenario up until the JIT has settled. .NET first compiles a method quickly (tier 0); once no new method has
/// been compiled for 100 ms it counts calls, and a method called some 30 times is compiled again in the background,
/// instrumented and then fully optimised (tier 1). A bot that has run a while answers from tier-1 code, so that is what
/// the timed part measures: a fixed warm-up of 200 searches left about 2,600 methods to compile while 2,000 searches were
/// timed at 10k papers (1.7 s of JIT, most of the p99). The warm-up runs in rounds of at least <see cref="RoundTime"/>
/// (longer than the JIT's quiet period, so promotions have their chance to happen inside a round) until
/// <see cref="SettledRounds"/> rounds in a row each compile fewer than <see cref="SettledMethods"/> methods, or
/// <see cref="MaxTime"/> has passed. How long it ran and what the JIT still compiled while timing
/// (<see cref="JitActivity"/>) are reported beside the latencies; the first replies after a start are slower.
/// </summary>
internal static class JitWarmUp
{
    public const int SettledMethods = 10;
    public const int SettledRounds = 2;
    public static readonly TimeSpan RoundTime = TimeSpan.FromMilliseconds(300);
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs <paramref name="step"/> (given its number, from 0) at least <paramref name="minimumSteps"/> times and until the
    /// JIT settles; returns how many steps ran.
    /// </summary>
    public static async Task<int> RunAsync(int minimumSteps, Func<int, Task> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var started = Stopwatch.GetTimestamp();
        var steps = 0;
        var settled = 0;
        while (steps < minimumSteps || (settled < SettledRounds && Stopwatch.GetElapsedTime(started) < MaxTime))
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            var round = Stopwatch.GetTimestamp();
            do
            {
                await step(steps++);
            }
            while (Stopwatch.GetElapsedTime(round) < RoundTime);

            settled = JitInfo.GetCompiledMethodCount() - compiled < SettledMethods ? settled + 1 : 0;
        }

        return steps;
    }
}
