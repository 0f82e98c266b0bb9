using System.Diagnostics;
using System.Globalization;
using ChatBot.Benchmarks.Hosting;
using ChatBot.Benchmarks.Measuring;
using ChatBot.Benchmarks.Queries;
using ChatBot.Benchmarks.Reporting;
using ChatBot.Core.Alerts;
using ChatBot.Core.Storage;
using ChatBot.Storage.Alerts;
using ChatBot.Storage.Database;
using ChatBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Benchmarks.Scenarios;

/// <summary>
/// Times what the alert worker does with new papers, delivery-log writes included: the real <see cref="AlertMatchRecorder"/>
/// with the host's matcher, delivery log (LiteDB) and state store matches the newest <c>--alert-batch</c> papers of the
/// store against <c>--alerts</c> generated alert queries (<see cref="AlertMix"/>), owned 1 to 4 per user, and records
/// them. A warm-up first runs the same recorder over the <see cref="WarmUpPapers"/> papers before those (and those)
/// against <see cref="WarmUpAlerts"/> alerts, into a delivery log of its own, so JIT is not timed. Generating the alerts is not timed; parsing them is
/// (the recorder parses each batch). The alerts come from memory (<see cref="FixedAlertStore"/>): reading 100,000 alerts out of LiteDB is not in the figure.
/// </summary>
internal sealed class AlertMatchScenario : IBenchmarkScenario
{
    public const int WarmUpPapers = 1_000;
    public const int WarmUpAlerts = 2_000;

    private const string Section = "Alert matching";

    public string Name => "alert-match";

    public async Task RunAsync(BenchmarkContext context, BenchmarkReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var services = context.Services;
        var papers = services.GetRequiredService<IPaperStore>();
        var state = services.GetRequiredService<IStateStore>();
        var corpus = context.Corpus;
        var (queries, rejected) = new AlertMix(context.Settings.Seed, corpus.Vocabulary, corpus.Authors).Take(context.Settings.Alerts);
        var (alerts, users) = Owned(queries, context.Settings.Seed);
        var (warmUpAlerts, _) = Owned(queries[..Math.Min(WarmUpAlerts, queries.Count)], context.Settings.Seed);
        var alertCount = queries.Count;
        var examples = string.Join(" | ", queries.Take(12).Select(a => a.Text));
        queries = null; // only the stored alerts are kept, as the bot keeps them: the recorder parses them
        var last = (await papers.GetCountersAsync(cancellationToken)).LastSequence;
        var batchSize = (int)Math.Min(context.Settings.AlertBatch, last);
        var clock = new FakeTimeProvider(context.Now);
        var log = new TimedDeliveryLog(services.GetRequiredService<IDeliveryLog>());

        // Warm-up: the papers before the measured batch and the batch itself (the recorder goes on to the newest), few
        // alerts, the same code, into a delivery log and a cursor of its own, so the measured batch is new to the host's.
        using (var warmUpFolder = new ScratchFolder("alerts-warm-up", context.Progress))
        {
            using var warmUpDatabase = new ChatBotDatabase(Options.Create(new StorageOptions { DataDirectory = warmUpFolder.Path }));
            var warmUpState = new InMemoryStateStore();
            await warmUpState.SetAsync(AlertCursor.Key, Math.Max(0, last - batchSize - WarmUpPapers).ToString(CultureInfo.InvariantCulture), cancellationToken);
            await Recorder(context, papers, warmUpAlerts, new LiteDbDeliveryLog(warmUpDatabase), warmUpState, clock).RecordNewMatchesAsync(cancellationToken);
        }

        await state.SetAsync(AlertCursor.Key, (last - batchSize).ToString(CultureInfo.InvariantCulture), cancellationToken);
        var recorder = Recorder(context, papers, alerts, log, state, clock);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = CpuTime.Process();
        var started = Stopwatch.GetTimestamp();
        await recorder.RecordNewMatchesAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = CpuTime.Process() - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        report.Add(Section, "alert_count", "alerts", alertCount);
        report.Add(Section, "alert_users", "users owning them", users);
        report.Add(Section, "alert_rejected", "alert texts the parser rejected", rejected);
        report.Add(Section, "alert_batch_papers", "new papers in the batch", batchSize);
        report.Add(Section, "alert_match_seconds", "match and record time", elapsed.TotalSeconds, "s");
        report.Add(Section, "alert_record_seconds", "  of which delivery-log writes", log.RecordTime.TotalSeconds, "s");
        report.Add(Section, "alert_match_cpu_seconds", "  process CPU time meanwhile (every thread)", cpu.TotalSeconds, "s");
        report.Add(Section, "alert_match_allocated_mb", "  managed bytes allocated meanwhile", allocated / (1024.0 * 1024.0), "MB");
        report.Add(Section, "alert_match_alerts_per_s", "match rate", alertCount / elapsed.TotalSeconds, "alerts/s");
        report.Add(Section, "alert_matches", "matches (alert, paper)", log.Matches);
        report.Add(Section, "alert_alerts_matched", "alerts with a match", log.AlertsMatched);
        report.Add(Section, "alert_users_matched", "users with a match", log.Users);
        report.Add(Section, "alert_deliveries", "deliveries recorded (user, paper)", log.Recorded);
        report.AddText(Section, "alert_examples", "examples", examples);
    }

    private static AlertMatchRecorder Recorder(BenchmarkContext context, IPaperStore papers, IAlertStore alerts, IDeliveryLog log, IStateStore state, TimeProvider clock) =>
        new(papers, alerts, log, new AlertCursor(state, papers), context.Services.GetRequiredService<IAlertMatcher>(), clock, NullLogger<AlertMatchRecorder>.Instance);

    /// <summary>The queries as stored alerts, 1 to 4 to a user.</summary>
    private static (FixedAlertStore Store, int Users) Owned(List<(string AlertId, string Text)> queries, int seed)
    {
        var random = new Random(seed);
        var alerts = new List<Alert>(queries.Count);
        var users = 0;
        var left = 0;
        foreach (var query in queries)
        {
            if (left == 0)
            {
                users++;
                left = random.Next(1, 5);
            }

            left--;
            alerts.Add(new Alert { Id = query.AlertId, Platform = "discord", UserId = $"U{users}", Query = query.Text });
        }

        return (new FixedAlertStore(alerts), users);
    }
}
