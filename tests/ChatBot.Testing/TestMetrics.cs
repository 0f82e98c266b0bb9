using ChatBot.Core.Telemetry;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ChatBot.Testing;

/// <summary>
/// A <see cref="ChatBotMetrics"/> on a meter of its own, and collectors of what it records. Collect before acting:
/// a collector sees only what is recorded after it was made.
/// </summary>
public sealed class TestMetrics : IDisposable
{
    private readonly TestMeterFactory _factory = new();

    public TestMetrics()
    {
        Metrics = new ChatBotMetrics(_factory);
    }

    /// <summary>For tests that do not look at metrics: nothing listens to it.</summary>
    public static ChatBotMetrics Unobserved { get; } = new(new TestMeterFactory());

    public ChatBotMetrics Metrics { get; }

    public MetricCollector<long> Counter(string instrument) => new(_factory, ChatBotMetrics.MeterName, instrument);

    public MetricCollector<double> Histogram(string instrument) => new(_factory, ChatBotMetrics.MeterName, instrument);

    public MetricCollector<long> Gauge(string instrument) => new(_factory, ChatBotMetrics.MeterName, instrument);

    public void Dispose() => _factory.Dispose();
}
