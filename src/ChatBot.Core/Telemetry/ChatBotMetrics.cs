using System.Diagnostics.Metrics;

namespace ChatBot.Core.Telemetry;

/// <summary>
/// The bot's own measurements, on one <see cref="Meter"/> named <see cref="MeterName"/> from the host's
/// <see cref="IMeterFactory"/>. The host exports them at <c>/metrics</c> through prometheus-net, which names
/// each metric <c>{meter}_{instrument}</c> lower-cased and adds no suffix of its own, so the instrument names
/// below are already the Prometheus ones (<c>commands_total</c> becomes <c>chatbot_commands_total</c>).
/// Every label value comes from a bounded set (configured sources and platforms, catalog command names,
/// fixed outcomes); never user text or ids.
/// </summary>
public sealed class ChatBotMetrics
{
    public const string MeterName = "ChatBot";

    /// <summary>The usual Prometheus latency buckets, in seconds: 5 ms to 10 s.</summary>
    public static readonly IReadOnlyList<double> CommandDurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _papersIngested;
    private readonly Counter<long> _ingestErrors;
    private readonly Counter<long> _commands;
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _dailyPosts;
    private readonly Counter<long> _alertMessages;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _rateLimited;
    private long _alertDeliveriesPending = -1;

    public ChatBotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _papersIngested = meter.CreateCounter<long>("papers_ingested_total", "{paper}",
            "Papers stored by the ingest worker, per source, new or updated (upvotes, abstract).");
        _ingestErrors = meter.CreateCounter<long>("ingest_errors_total", "{error}",
            "Ingest ticks in which a paper source failed (it then backs off).");
        _commands = meter.CreateCounter<long>("commands_total", "{command}",
            "Commands answered, per command and outcome.");
        _commandDuration = meter.CreateHistogram("command_duration_seconds", "s",
            "Time a command's handler took, per command.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CommandDurationBuckets });
        _dailyPosts = meter.CreateCounter<long>("daily_posts_total", "{post}",
            "Daily trending threads completed (sent) or attempts that failed, per platform.");
        _alertMessages = meter.CreateCounter<long>("alert_messages_total", "{message}",
            "Alert direct messages sent or failed, per platform.");
        meter.CreateObservableGauge("alert_deliveries_pending", ObservePending, "{delivery}",
            "Alert deliveries (user, paper) recorded but not sent yet, as of the alert worker's last tick.");
        _reconnects = meter.CreateCounter<long>("platform_reconnects_total", "{reconnect}",
            "Chat platform connections (a gateway, a socket) opened again after a drop or a server's request.");
        _rateLimited = meter.CreateCounter<long>("http_429_total", "{response}",
            "HTTP 429 (rate limited) answers from the chat platforms' APIs.");
    }

    public void PapersIngested(string source, int created, int updated)
    {
        if (created > 0)
        {
            _papersIngested.Add(created, new("source", source), new("change", "new"));
        }

        if (updated > 0)
        {
            _papersIngested.Add(updated, new("source", source), new("change", "updated"));
        }
    }

    public void IngestFailed(string source) => _ingestErrors.Add(1, new KeyValuePair<string, object?>("source", source));

    /// <summary>One command; <paramref name="elapsed"/> is how long its handler ran (null when none ran).</summary>
    public void CommandHandled(string command, CommandOutcome outcome, TimeSpan? elapsed)
    {
        _commands.Add(1, new("command", command), new("outcome", Label(outcome)));
        if (elapsed is { } duration)
        {
            _commandDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("command", command));
        }
    }

    public void DailyThreadSent(string platform) => _dailyPosts.Add(1, new("platform", platform), new("outcome", "sent"));

    public void DailyThreadFailed(string platform) => _dailyPosts.Add(1, new("platform", platform), new("outcome", "failed"));

    public void AlertMessageSent(string platform) => _alertMessages.Add(1, new("platform", platform), new("outcome", "sent"));

    public void AlertMessageFailed(string platform) => _alertMessages.Add(1, new("platform", platform), new("outcome", "failed"));

    public void AlertDeliveriesPending(int count) => Interlocked.Exchange(ref _alertDeliveriesPending, count);

    public void PlatformReconnected(string platform) => _reconnects.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void RateLimited(string platform) => _rateLimited.Add(1, new KeyValuePair<string, object?>("platform", platform));

    // Nothing until the alert worker has counted once: an unknown backlog is not an empty one.
    private IEnumerable<Measurement<long>> ObservePending() =>
        Interlocked.Read(ref _alertDeliveriesPending) is var pending and >= 0 ? [new Measurement<long>(pending)] : [];

    private static string Label(CommandOutcome outcome) => outcome switch
    {
        CommandOutcome.Ok => "ok",
        CommandOutcome.UserError => "user_error",
        CommandOutcome.Denied => "denied",
        _ => "error",
    };
}
