namespace ChatBot.Core.Commands;

/// <summary>Who sees a reply.</summary>
public enum ReplyVisibility
{
    /// <summary>Everyone in the channel.</summary>
    Channel,

    /// <summary>Only the person who ran the command (Discord ephemeral, Slack ephemeral, console as usual).</summary>
    Private,
}
