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

    /// <summary>
    /// How close in meaning a new paper must be to a <c>like:</c> alert's paper to be sent: the cosine similarity of
    /// their vectors (title and abstract, all-MiniLM-L6-v2). Measured on the seed corpus (SimilarityCutOffTests):
    /// see docs/alerts-by-example.md.
    /// </summary>
    [Range(0.1, 0.99, ErrorMessage = "Alerts:LikeThreshold must be between 0.1 and 0.99.")]
    public double LikeThreshold { get; set; } = 0.65;

    /// <summary>
    /// How long alert matching waits for new papers' vectors (the embedding worker computes them in the background)
    /// while <c>like:</c> alerts exist; a paper still without one after this is matched by the keyword alerts only.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Alerts:LikeWait must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan LikeWait { get; set; } = TimeSpan.FromMinutes(15);
}
