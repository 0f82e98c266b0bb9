using ChatBot.Core.Chat;

namespace ChatBot.Core.Commands;

/// <summary>
/// A command as every platform hands it to Core: which command and subcommand, the raw option
/// values by name, and who asked where. <see cref="IsAdmin"/> is decided by the platform
/// (Discord: Manage Channels; Slack: configured admin ids; console: always).
/// </summary>
public sealed record CommandRequest(string Command, string Subcommand, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>The platform name (<c>discord</c>, <c>slack</c>, <c>console</c>), for logs and metrics.</summary>
    public string Platform { get; init; } = "console";

    public ChatUser User { get; init; } = new("console");

    public string? ChannelId { get; init; }

    public string? GuildId { get; init; }

    public bool IsAdmin { get; init; }
}
