using System.Runtime;
using ChatBot.Benchmarks.Reporting;

namespace ChatBot.Benchmarks.Measuring;

/// <summary>What the JIT compiled between <see cref="Start"/> and <see cref="Report"/>: near zero once <see cref="JitWarmUp"/> settled.</summary>
internal readonly record struct JitActivity(long Methods, TimeSpan Time)
{
    public static JitActivity Start() => new(JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());

    /// <summary>The JIT's compile time since <see cref="Start"/>, on every thread.</summary>
    public TimeSpan Elapsed => JitInfo.GetCompilationTime() - Time;

    /// <summary>Methods the JIT compiled since <see cref="Start"/>.</summary>
    public long Compiled => JitInfo.GetCompiledMethodCount() - Methods;

    /// <summary>Adds <c>{prefix}_warm_up</c> (steps run until the JIT settled), <c>{prefix}_jit_methods</c> and <c>{prefix}_jit_ms</c>.</summary>
    public void Report(BenchmarkReport report, string section, string prefix, int warmUpSteps, string steps)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.Add(section, $"{prefix}_warm_up", $"warm-up until the JIT settled ({steps})", warmUpSteps);
        report.Add(section, $"{prefix}_jit_methods", "  methods the JIT still compiled while timing", Compiled);
        report.Add(section, $"{prefix}_jit_ms", "  their compile time (every thread)", Elapsed.TotalMilliseconds, "ms");
    }
}
