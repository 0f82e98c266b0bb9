using System.ComponentModel.DataAnnotations;

namespace ChatBot.Hosting;

/// <summary>How a stopping bot (SIGTERM, Ctrl+C) treats sends already under way.</summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Shutdown";

    /// <summary>
    /// How long a daily thread or alert message being sent may still take once the bot is asked to
    /// stop; what is sent by then is recorded, and the next start resumes the rest.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Shutdown:GracePeriod must be between 00:00:00 and 00:05:00.")]
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromSeconds(15);
}
