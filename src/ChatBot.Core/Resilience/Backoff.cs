namespace ChatBot.Core.Resilience;

/// <summary>
/// The one rule for waiting before a retry: the delay doubles with each failure from
/// <see cref="Initial"/> up to <see cref="Max"/>, then is jittered to between half and all of that
/// ceiling ("equal jitter"), so many clients or schedules that failed together do not retry in step.
/// Used by the gateway, Socket Mode, and the ingest, daily-thread and alert services.
/// </summary>
/// <param name="Initial">The ceiling after the first failure.</param>
/// <param name="Max">The ceiling never exceeds this.</param>
/// <param name="Jitter">A number in [0, 1] per call; <see cref="Random.Shared"/> by default. Tests pin it
/// (<see cref="NoJitter"/> gives the ceiling itself).</param>
public sealed record Backoff(TimeSpan Initial, TimeSpan Max, Func<double>? Jitter = null)
{
    /// <summary>A jitter source that always gives the full ceiling: for tests and for retries that must not come early.</summary>
    public static readonly Func<double> NoJitter = static () => 1.0;

    /// <summary>The ceiling before jitter after <paramref name="failures"/> failures in a row (1 or more).</summary>
    public TimeSpan Ceiling(int failures)
    {
        if (Initial <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        // 2^30 times any sensible initial delay is past every cap; clamping keeps the arithmetic finite.
        var doublings = Math.Clamp(failures - 1, 0, 30);
        var ceiling = Initial.Ticks * Math.Pow(2, doublings);
        return ceiling >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ceiling);
    }

    /// <summary>The wait after <paramref name="failures"/> failures in a row (1 or more): between half and all of <see cref="Ceiling"/>.</summary>
    public TimeSpan Delay(int failures)
    {
        var sample = Math.Clamp((Jitter ?? Shared)(), 0.0, 1.0);
        return Ceiling(failures) * (0.5 + (sample / 2));
    }

#pragma warning disable CA5394 // Jitter spreads retries; it protects nothing.
    private static double Shared() => Random.Shared.NextDouble();
#pragma warning restore CA5394
}
