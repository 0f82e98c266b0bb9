using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatBot.Benchmarks.Measuring;

namespace ChatBot.Benchmarks.Reporting;

/// <summary>
/// The named figures of one run, in the order they were measured. Each scenario adds its own
/// under its section; the report prints them for people and as one JSON object for scripts.
/// </summary>
internal sealed class BenchmarkReport
{
    private readonly List<Metric> _metrics = [];

    public IReadOnlyList<Metric> Metrics => _metrics;

    public void Add(string section, string key, string label, double value, string unit = "") =>
        Set(new Metric(section, key, label, value, unit));

    public void AddText(string section, string key, string label, string text) =>
        Set(new Metric(section, key, label, null, "", text));

    /// <summary>Adds <c>{prefix}_p50_ms</c>, <c>_p95_ms</c>, <c>_p99_ms</c>, <c>_max_ms</c> and <c>_mean_ms</c>.</summary>
    public void AddLatency(string section, string prefix, string label, LatencySummary latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        Add(section, $"{prefix}_p50_ms", $"{label} p50", latency.P50, "ms");
        Add(section, $"{prefix}_p95_ms", $"{label} p95", latency.P95, "ms");
        Add(section, $"{prefix}_p99_ms", $"{label} p99", latency.P99, "ms");
        Add(section, $"{prefix}_max_ms", $"{label} max", latency.Max, "ms");
        Add(section, $"{prefix}_mean_ms", $"{label} mean", latency.Mean, "ms");
    }

    public double? this[string key] => _metrics.Find(m => m.Key == key)?.Value;

    /// <summary>Sections in order, one line per figure.</summary>
    public string ToSummary()
    {
        var text = new StringBuilder();
        var width = _metrics.Count == 0 ? 0 : _metrics.Max(m => m.Label.Length);
        foreach (var section in _metrics.GroupBy(m => m.Section))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{section.Key}");
            foreach (var metric in section)
            {
                var value = metric.Text ?? Format(metric.Value!.Value);
                var unit = metric.Unit.Length > 0 ? " " + metric.Unit : "";
                text.AppendLine(CultureInfo.InvariantCulture, $"  {metric.Label.PadRight(width)}  {value}{unit}");
            }
        }

        return text.ToString();
    }

    /// <summary>One line: every figure by its key; whole numbers as integers, others to three decimals.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var metric in _metrics)
            {
                if (metric.Text is { } text)
                {
                    json.WriteString(metric.Key, text);
                }
                else if (metric.Value is { } value && Math.Abs(value % 1) < double.Epsilon && Math.Abs(value) < 1e15)
                {
                    json.WriteNumber(metric.Key, (long)value);
                }
                else if (metric.Value is { } fraction && double.IsFinite(fraction))
                {
                    json.WriteNumber(metric.Key, Math.Round(fraction, 3));
                }
                else
                {
                    json.WriteNull(metric.Key);
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private void Set(Metric metric)
    {
        var existing = _metrics.FindIndex(m => m.Key == metric.Key);
        if (existing >= 0)
        {
            _metrics[existing] = metric;
        }
        else
        {
            _metrics.Add(metric);
        }
    }

    private static string Format(double value) =>
        Math.Abs(value % 1) < double.Epsilon
            ? value.ToString("N0", CultureInfo.InvariantCulture)
            : value.ToString(Math.Abs(value) >= 100 ? "N1" : "0.###", CultureInfo.InvariantCulture);
}
