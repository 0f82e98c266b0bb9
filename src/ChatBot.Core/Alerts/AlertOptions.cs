using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Alerts;

/// <summary>How alert deliveries retry and when they give up.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>Failed attempts to message a user (cannot DM, unknown user) before their alerts are paused.</summary>
    [Range(1, 20, ErrorMessage = "Alerts:MaxAttempts must be between 1 and 20.")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// The first wait after a failed message; it doubles with each failure, up to six hours, and each wait is
    /// jittered to between half and all of that, so users who failed together are not retried in step.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00", ErrorMessage = "Alerts:RetryDelay must be between 00:00:01 and 06:00:00.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Papers listed in one message; the rest are counted with a search to see them.</summary>
    [Range(1, 10, ErrorMessage = "Alerts:PapersPerMessage must be between 1 and 10.")]
    public int PapersPerMessage { get; set; } = 10;
}
