using ChatBot.Core.Chat;

namespace ChatBot.Core.Commands;

/// <summary>
/// Who runs a command and where, as the platform that received it tells Core: the platform's name (for logs,
/// metrics and what is kept per user), the user, the channel and the workspace it belongs to, whether the user
/// may run admin commands, and how that platform makes someone an admin (said when an admin command is refused).
/// </summary>
public sealed record Caller(string Platform, ChatUser User)
{
    /// <summary>Nobody in particular: a request no platform stamped (a tool, a test).</summary>
    public static Caller Unknown { get; } = new("unknown", new ChatUser("unknown"));

    /// <summary>Where the command was run; null when the platform did not say.</summary>
    public string? ChannelId { get; init; }

    /// <summary>The workspace the channel belongs to (a Discord server, a Slack team); null where there is none (a direct message).</summary>
    public string? WorkspaceId { get; init; }

    /// <summary>Whether the user may run admin commands; the platform decides.</summary>
    public bool IsAdmin { get; init; }

    /// <summary>
    /// How this platform makes someone an admin, shown after "Only admins can use …" when an admin command is
    /// refused; empty adds nothing.
    /// </summary>
    public string AdminHint { get; init; } = "";
}
