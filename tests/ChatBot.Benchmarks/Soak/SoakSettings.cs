namespace ChatBot.Benchmarks.Soak;

/// <summary>What <c>soak</c> was asked for.</summary>
/// <param name="Duration">How long commands arrive with faults injected (after the warm-up).</param>
/// <param name="CommandsPerSecond">The steady command rate, split at random between Discord and Slack.</param>
/// <param name="Seed">Seeds the command mix and the fault schedule.</param>
/// <param name="Faults">The fault kinds injected.</param>
/// <param name="Warmup">Commands without faults before the working set's starting sample.</param>
/// <param name="Drain">How long after the last command every answer may still arrive.</param>
/// <param name="FaultInterval">The mean time between two socket faults (exponentially distributed).</param>
/// <param name="HttpFaultRate">The share of HTTP calls answered with an injected 429 or 5xx (when those are on).</param>
/// <param name="Keep">Keep the data folder and the bot's log.</param>
/// <param name="BotSettings">Extra settings for the bot (<c>Discord:DeferAfter</c> → <c>00:00:00.1</c>), e.g. to send every answer down the deferred path.</param>
internal sealed record SoakSettings(
    TimeSpan Duration,
    double CommandsPerSecond,
    int Seed,
    IReadOnlySet<FaultKind> Faults,
    TimeSpan Warmup,
    TimeSpan Drain,
    TimeSpan FaultInterval,
    double HttpFaultRate,
    bool Keep,
    IReadOnlyList<KeyValuePair<string, string>> BotSettings)
{
    /// <summary>Past this the run is abandoned as hung: start-up, warm-up, the soak, the drain and the stop, with room to spare.</summary>
    public TimeSpan HardLimit => TimeSpan.FromMinutes(3) + Warmup + Duration + Drain + Duration / 10;
}
