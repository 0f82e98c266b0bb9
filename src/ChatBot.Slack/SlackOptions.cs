using System.ComponentModel.DataAnnotations;

namespace ChatBot.Slack;

/// <summary>
/// The Slack app. <see cref="AppToken"/> turns Socket Mode on; <see cref="SigningSecret"/> turns the
/// HTTP endpoints on; <see cref="BotToken"/> is needed by both to call the Web API. Secrets come from
/// environment variables, never from files, and are never logged.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>The bot token (<c>xoxb-…</c>) for the Web API.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app-level token (<c>xapp-…</c>, scope <c>connections:write</c>) for Socket Mode.</summary>
    public string? AppToken { get; set; }

    /// <summary>The signing secret, for verifying requests to the HTTP endpoints.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The Web API root (<c>https://slack.com/api/</c>); point it at a fake in tests.</summary>
    [Required(ErrorMessage = "Slack:ApiBaseUrl must be an absolute URL, e.g. https://slack.com/api/.")]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Slack user ids allowed to run admin commands (<c>/papers-admin</c>).</summary>
    public IList<string> AdminUserIds { get; } = [];

    /// <summary>Socket Mode connections kept open at once (Slack allows up to 10).</summary>
    [Range(1, 10, ErrorMessage = "Slack:SocketConnections must be between 1 and 10.")]
    public int SocketConnections { get; set; } = 2;

    /// <summary>Least time between two messages to one channel (Slack allows about one per second).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ChannelMessageSpacing { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a slash command may take to be answered inline (in the HTTP response or the Socket Mode
    /// ack); slower replies go to <c>response_url</c>. Slack's own deadline is 3 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.5")]
    public TimeSpan InlineReplyBudget { get; set; } = TimeSpan.FromSeconds(2);

    public bool SocketModeEnabled => !string.IsNullOrWhiteSpace(AppToken);

    public bool HttpEndpointsEnabled => !string.IsNullOrWhiteSpace(SigningSecret);
}
