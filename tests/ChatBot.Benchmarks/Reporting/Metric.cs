namespace ChatBot.Benchmarks.Reporting;

/// <summary>
/// One figure of the report. <see cref="Key"/> is its JSON name (snake_case, unit in the name:
/// <c>search_p50_ms</c>); <see cref="Label"/> and <see cref="Unit"/> are for the human summary.
/// A metric is a number or, for descriptive entries, <see cref="Text"/>.
/// </summary>
internal sealed record Metric(string Section, string Key, string Label, double? Value, string Unit, string? Text = null);
