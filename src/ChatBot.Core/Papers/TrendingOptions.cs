using System.ComponentModel.DataAnnotations;

namespace ChatBot.Core.Papers;

/// <summary>How <see cref="TrendingScore"/> weighs recent upvotes against age.</summary>
public sealed class TrendingOptions
{
    public const string SectionName = "Trending";

    /// <summary>The exponent of the age decay: higher sinks older papers faster (Hacker News uses 1.8).</summary>
    [Range(0.1, 10.0, ErrorMessage = "Trending:Gravity must be between 0.1 and 10.")]
    public double Gravity { get; set; } = 1.8;

    /// <summary>How far back upvotes count as recent.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00", ErrorMessage = "Trending:VelocityWindow must be between 01:00:00 and 30.00:00:00.")]
    public TimeSpan VelocityWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Extra points for each upvote gained within the window, on top of the point it already adds to the total.</summary>
    [Range(0.0, 100.0, ErrorMessage = "Trending:VelocityWeight must be between 0 and 100.")]
    public double VelocityWeight { get; set; } = 2.0;

    /// <summary>Added to the age before the decay, so a paper minutes old is not divided by almost nothing (Hacker News: 2 h).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "2.00:00:00", ErrorMessage = "Trending:AgeOffset must be between 00:01:00 and 2.00:00:00.")]
    public TimeSpan AgeOffset { get; set; } = TimeSpan.FromHours(2);
}
