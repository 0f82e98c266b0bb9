using System.Globalization;
using ChatBot.Benchmarks.Corpus;
using ChatBot.Benchmarks.Hosting;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// Extra rounds of the engine floor and the ingest (<c>--ingest-rounds N</c>): before the run's own round, N - 1 more,
/// each ingest into a store and index of its own in a scratch folder (deleted after), so the run's data stays exactly
/// the corpus. Each round runs as the run's own does: the floor and the ingest's warm-up first, then the host, so its
/// index opens just before its ingest. This machine's speed drifts by a fifth or more within minutes, and a round times
/// the floor and the ingest up to a minute apart, so one round's ratio can say more about the drift than about the
/// code; the rounds' median, each round timed in turn, says what the ingest typically does. Reported with every round.
/// </summary>
internal static class IngestRounds
{
    private const string Section = "Ingest rounds";

    /// <summary>The figures of each of <paramref name="extraRounds"/> rounds.</summary>
    public static async Task<IReadOnlyList<Round>> RunAsync(PaperGenerator corpus, BenchmarkSettings settings, TextWriter progress, int extraRounds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var rounds = new List<Round>(extraRounds);
        for (var round = 1; round <= extraRounds; round++)
        {
            await progress.WriteLineAsync($"== ingest round {round} of {extraRounds + 1} (scratch data)");
            var roundReport = new BenchmarkReport();
            var withoutServices = BenchmarkContext.WithoutServices(corpus, settings, progress);
            await new EngineFloorScenario().RunAsync(withoutServices, roundReport, cancellationToken);
            await IngestWarmUp.RunAsync(withoutServices, roundReport, cancellationToken);
            using var scratch = new ScratchFolder($"ingest-round-{round}", progress);
            using var host = BenchmarkHost.Build(scratch.Path);
            await host.Services.GetRequiredService<SearchIndexSynchronizer>().EnsureCurrentAsync(progress: null, cancellationToken);
            await new IngestScenario().RunAsync(new BenchmarkContext(host.Services, corpus, settings, progress), roundReport, cancellationToken);
            rounds.Add(Round.Of(roundReport));
        }

        return rounds;
    }

    /// <summary>
    /// <c>ingest_rounds</c>; every round's ratio, floor and ingest rate (<c>ingest_floor_ratio_rounds</c>,
    /// <c>ingest_floor_papers_per_s_rounds</c>, <c>ingest_papers_per_s_rounds</c>: the run's own round last); and the
    /// ratios' median (nearest rank, as <see cref="Measuring.LatencySummary"/>: the lower middle of an even count), min and max.
    /// </summary>
    public static void Report(BenchmarkReport report, IReadOnlyList<Round> extraRounds)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(extraRounds);
        if (extraRounds.Count == 0)
        {
            return;
        }

        Round[] rounds = [.. extraRounds, Round.Of(report)];
        var sorted = rounds.Select(r => r.Ratio).Order().ToArray();
        report.Add(Section, "ingest_rounds", "rounds of floor and ingest, each timed in turn", rounds.Length);
        report.AddText(Section, "ingest_floor_ratio_rounds", "ingest rate / engine floor, each round (this run's data: the last)", Join(rounds, r => r.Ratio, "0.00"));
        report.AddText(Section, "ingest_floor_papers_per_s_rounds", "  engine floor, papers/s", Join(rounds, r => r.Floor, "0"));
        report.AddText(Section, "ingest_papers_per_s_rounds", "  ingest, papers/s", Join(rounds, r => r.Ingest, "0"));
        report.Add(Section, "ingest_floor_ratio_median", "  median ratio", sorted[(sorted.Length - 1) / 2]);
        report.Add(Section, "ingest_floor_ratio_min", "  lowest", sorted[0]);
        report.Add(Section, "ingest_floor_ratio_max", "  highest", sorted[^1]);
    }

    private static string Join(IEnumerable<Round> rounds, Func<Round, double> figure, string format) =>
        string.Join(' ', rounds.Select(r => figure(r).ToString(format, CultureInfo.InvariantCulture)));

    /// <summary>One round's engine floor and ingest rate (papers/s), and their ratio.</summary>
    internal sealed record Round(double Floor, double Ingest, double Ratio)
    {
        public static Round Of(BenchmarkReport report) => new(
            Figure(report, "ingest_floor_papers_per_s"), Figure(report, "ingest_papers_per_s"), Figure(report, "ingest_floor_ratio"));

        private static double Figure(BenchmarkReport report, string key) =>
            report[key] ?? throw new InvalidOperationException($"an ingest round reported no {key}");
    }
}
