using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Ingestion;

/// <summary>How often the ingest worker asks the sources for papers.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Ingest:Interval must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A failing source waits Interval, 2×, 4×… up to this long before it is asked again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Ingest:MaxBackoff must be between 00:01:00 and 7.00:00:00.")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How many papers one transaction stores when a document is large.</summary>
    [Range(1, 100_000, ErrorMessage = "Ingest:BatchSize must be between 1 and 100000.")]
    public int BatchSize { get; set; } = 1000;
}
