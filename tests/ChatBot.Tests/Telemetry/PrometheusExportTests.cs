using System.Diagnostics.Metrics;
using System.Text;
using ChatBot.Core.Telemetry;
using ChatBot.Telemetry;
using ChatBot.Testing;

namespace ChatBot.Tests.Telemetry;

/// <summary>How the bot's meter reads in the Prometheus text format: names, types, labels.</summary>
public sealed class PrometheusExportTests : IDisposable
{
    private readonly TestMeterFactory _meters = new();
    private readonly ChatBotMetrics _metrics;
    private readonly PrometheusExport _export;

    public PrometheusExportTests()
    {
        _metrics = new ChatBotMetrics(_meters);
        _export = new PrometheusExport(_meters);
    }

    public void Dispose()
    {
        _export.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public async Task Every_instrument_is_exported_under_its_Prometheus_name_type_and_labels()
    {
        RecordEveryInstrument();

        var text = await ScrapeAsync();

        string[] expected =
        [
            "# TYPE chatbot_papers_ingested_total counter",
            "chatbot_papers_ingested_total{source=\"huggingface\",change=\"new\"} 3",
            "chatbot_papers_ingested_total{source=\"huggingface\",change=\"updated\"} 2",
            "# TYPE chatbot_ingest_errors_total counter",
            "chatbot_ingest_errors_total{source=\"arxiv\"} 1",
            "# TYPE chatbot_commands_total counter",
            "chatbot_commands_total{command=\"papers search\",outcome=\"ok\"} 1",
            "# TYPE chatbot_command_duration_seconds histogram",
            "chatbot_command_duration_seconds_bucket{command=\"papers search\",le=\"0.25\"} 1",
            "chatbot_command_duration_seconds_bucket{command=\"papers search\",le=\"0.1\"} 0",
            "chatbot_command_duration_seconds_count{command=\"papers search\"} 1",
            "# TYPE chatbot_daily_posts_total counter",
            "chatbot_daily_posts_total{platform=\"discord\",outcome=\"sent\"} 1",
            "chatbot_daily_posts_total{platform=\"discord\",outcome=\"failed\"} 1",
            "# TYPE chatbot_alert_messages_total counter",
            "chatbot_alert_messages_total{platform=\"slack\",outcome=\"sent\"} 1",
            "chatbot_alert_messages_total{platform=\"slack\",outcome=\"failed\"} 1",
            "# TYPE chatbot_alert_deliveries_pending gauge",
            "chatbot_alert_deliveries_pending 4",
            "# TYPE chatbot_platform_reconnects_total counter",
            "chatbot_platform_reconnects_total{platform=\"discord\"} 1",
            "# TYPE chatbot_http_429_total counter",
            "chatbot_http_429_total{platform=\"slack\"} 1",
        ];
        Assert.All(expected, line => Assert.Contains(line + "\n", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_instrument_of_the_meter_is_left_out_of_the_export()
    {
        var instruments = new List<Instrument>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Scope == _meters)
                {
                    instruments.Add(instrument);
                }
            };
            listener.Start();
        }

        RecordEveryInstrument();
        var text = await ScrapeAsync();

        Assert.NotEmpty(instruments);
        Assert.All(instruments, instrument =>
        {
            Assert.True(PrometheusExport.IsSupported(instrument), $"{instrument.Name} is a {instrument.GetType().Name}, which the export skips");
            Assert.Contains($"# TYPE {PrometheusExport.PrometheusName(instrument)} ", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Counts_add_up_and_another_hosts_meter_is_not_exported()
    {
        using var otherHost = new TestMeterFactory();
        var other = new ChatBotMetrics(otherHost);

        _metrics.RateLimited("discord");
        _metrics.RateLimited("discord");
        other.RateLimited("discord");

        Assert.Contains("chatbot_http_429_total{platform=\"discord\"} 2\n", await ScrapeAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_process_metrics_are_exported_and_prometheus_nets_debug_metrics_are_not()
    {
        var text = await ScrapeAsync();

        Assert.Contains("# TYPE process_cpu_seconds_total counter", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE process_working_set_bytes gauge", text, StringComparison.Ordinal);
        Assert.DoesNotContain("prometheus_net_", text, StringComparison.Ordinal);
    }

    private void RecordEveryInstrument()
    {
        _metrics.PapersIngested("huggingface", created: 3, updated: 2);
        _metrics.IngestFailed("arxiv");
        _metrics.CommandHandled("papers search", CommandOutcome.Ok, TimeSpan.FromMilliseconds(120));
        _metrics.DailyThreadSent("discord");
        _metrics.DailyThreadFailed("discord");
        _metrics.AlertMessageSent("slack");
        _metrics.AlertMessageFailed("slack");
        _metrics.AlertDeliveriesPending(4);
        _metrics.PlatformReconnected("discord");
        _metrics.RateLimited("slack");
    }

    private async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await _export.Registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
