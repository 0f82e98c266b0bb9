using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using ChatBot.Core.Telemetry;
using Prometheus;

namespace ChatBot.Telemetry;

/// <summary>
/// This host's <c>ChatBot</c> meter as prometheus-net metrics: each counter becomes a Prometheus counter, each
/// histogram a histogram (with the buckets the instrument advises), each observable gauge a gauge, named
/// <c>{meter}_{instrument}</c> lower-cased, in a registry of this host's own that also holds the process metrics.
/// </summary>
/// <remarks>
/// prometheus-net's own <see cref="MeterAdapter"/> is not used: it exports .NET counters as Prometheus gauges and
/// drops any series idle for longer than its expiry (a day at most), after which the count restarts from zero, so a
/// once-a-day count such as daily posts would keep vanishing. The registry is not prometheus-net's process-wide
/// default either: that one adds sample, debug and event-counter metrics, and two hosts in one process (the tests)
/// would add up into it.
/// </remarks>
internal sealed class PrometheusExport : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly MetricFactory _factory;
    private readonly ConcurrentDictionary<Instrument, Collector> _collectors = new();

    public PrometheusExport(IMeterFactory meterFactory)
    {
        Registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        _factory = Metrics.WithCustomRegistry(Registry);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only the meter this host's factory made: not another host's, not ASP.NET Core's or HttpClient's.
            if (instrument.Meter.Scope == meterFactory && instrument.Meter.Name == ChatBotMetrics.MeterName && IsSupported(instrument))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
        Registry.AddBeforeCollectCallback(_listener.RecordObservableInstruments);
    }

    public CollectorRegistry Registry { get; }

    public void Dispose() => _listener.Dispose();

    /// <summary>The kinds of instrument <see cref="ChatBotMetrics"/> uses; anything else would not be exported.</summary>
    internal static bool IsSupported(Instrument instrument) =>
        instrument is Counter<long> or Histogram<double> or ObservableGauge<long>;

    internal static string PrometheusName(Instrument instrument) =>
        $"{instrument.Meter.Name}_{instrument.Name}".ToLowerInvariant();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var names = new string[tags.Length];
        var values = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            names[i] = tags[i].Key;
            values[i] = Convert.ToString(tags[i].Value, CultureInfo.InvariantCulture) ?? "";
        }

        // The label names are fixed by the first measurement. ChatBotMetrics passes the same ones every time; a
        // mismatch would be its bug, and must not fail the command or worker that recorded it.
        var collector = _collectors.GetOrAdd(instrument, Create, names);
        if (collector.LabelNames.Length != values.Length)
        {
            return;
        }

        switch (collector)
        {
            case Counter counter:
                counter.WithLabels(values).Inc(value);
                break;
            case Histogram histogram:
                histogram.WithLabels(values).Observe(value);
                break;
            case Gauge gauge:
                gauge.WithLabels(values).Set(value);
                break;
        }
    }

    private Collector Create(Instrument instrument, string[] labelNames)
    {
        var name = PrometheusName(instrument);
        var help = instrument.Description ?? instrument.Name;
        return instrument switch
        {
            Histogram<double> histogram => _factory.CreateHistogram(name, help, labelNames, new HistogramConfiguration
            {
                Buckets = histogram.Advice?.HistogramBucketBoundaries is { } buckets ? [.. buckets] : null,
            }),
            ObservableGauge<long> => _factory.CreateGauge(name, help, labelNames),
            _ => _factory.CreateCounter(name, help, labelNames),
        };
    }
}
