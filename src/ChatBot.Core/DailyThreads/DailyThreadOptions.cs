using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.DailyThreads;

/// <summary>How daily threads choose papers and recover from downtime and failures.</summary>
public sealed class DailyThreadOptions
{
    public const string SectionName = "DailyThreads";

    /// <summary>A bot that was down at the scheduled time still posts when it is back within this window; later, the day is skipped.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:00:00", ErrorMessage = "DailyThreads:CatchUpWindow must be between 00:00:00 and 23:00:00.")]
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Papers published, listed or first seen this long before the post are candidates.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00", ErrorMessage = "DailyThreads:FreshWindow must be between 01:00:00 and 30.00:00:00.")]
    public TimeSpan FreshWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>When nothing qualifies: post a short "quiet day" note (true) or nothing (false, logged).</summary>
    public bool PostQuietDayNote { get; set; }

    /// <summary>Permanent platform failures in a row (deleted channel, missing permission) before the schedule is paused.</summary>
    [Range(1, 100, ErrorMessage = "DailyThreads:PauseAfterFailures must be between 1 and 100.")]
    public int PauseAfterFailures { get; set; } = 3;

    /// <summary>The first wait after a failure; it doubles with each failure in a row, up to an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "DailyThreads:RetryDelay must be between 00:00:01 and 01:00:00.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// For a filter by meaning (<c>mode:semantic</c> or <c>mode:hybrid</c>): how close a paper's vector must be to the
    /// filter's words (cosine similarity). Measured on the seed corpus's judged queries (SimilarityCutOffTests).
    /// </summary>
    [Range(0.05, 0.95, ErrorMessage = "DailyThreads:MeaningCutOff must be between 0.05 and 0.95.")]
    public double MeaningCutOff { get; set; } = 0.5;
}
