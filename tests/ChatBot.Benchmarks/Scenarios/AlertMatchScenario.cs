using System.Diagnostics;
using ChatBot.Benchmarks.Queries;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// Times one <see cref="IAlertMatcher.MatchAsync"/> call: the newest <c>--alert-batch</c> papers of the
/// corpus against <c>--alerts</c> generated alert queries (<see cref="AlertMix"/>), after a small warm-up
/// call. Generating and parsing the alerts is not timed.
/// </summary>
internal sealed class AlertMatchScenario : IBenchmarkScenario
{
    public const int WarmUpPapers = 100;
    public const int WarmUpAlerts = 2_000;

    private const string Section = "Alert matching";

    public string Name => "alert-match";

    public async Task RunAsync(BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var matcher = context.Services.GetRequiredService<IAlertMatcher>();
        var corpus = context.Corpus;
        var (alerts, rejected) = new AlertMix(context.Settings.Seed, corpus.Vocabulary, corpus.Authors).Take(context.Settings.Alerts);
        var batchSize = Math.Min(context.Settings.AlertBatch, corpus.Count);
        var papers = new Paper[batchSize];
        for (var i = 0; i < papers.Length; i++)
        {
            papers[i] = corpus.Create(corpus.Count - batchSize + i);
        }

        await matcher.MatchAsync(papers[..Math.Min(WarmUpPapers, papers.Length)], alerts[..Math.Min(WarmUpAlerts, alerts.Count)], context.Now, cancellationToken);

        var started = Stopwatch.GetTimestamp();
        var matches = await matcher.MatchAsync(papers, alerts, context.Now, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        var alertsMatched = matches.Select(m => m.AlertId).Distinct(StringComparer.Ordinal).Count();
        report.Add(Section, "alert_count", "alerts", alerts.Count);
        report.Add(Section, "alert_rejected", "alert texts the parser rejected", rejected);
        report.Add(Section, "alert_batch_papers", "new papers in the batch", papers.Length);
        report.Add(Section, "alert_match_seconds", "match time", elapsed.TotalSeconds, "s");
        report.Add(Section, "alert_match_alerts_per_s", "match rate", alerts.Count / elapsed.TotalSeconds, "alerts/s");
        report.Add(Section, "alert_matches", "matches (alert, paper)", matches.Count);
        report.Add(Section, "alert_alerts_matched", "alerts with a match", alertsMatched);
        report.AddText(Section, "alert_examples", "examples", string.Join(" | ", alerts.Take(12).Select(a => a.Query.Text)));
    }
}
