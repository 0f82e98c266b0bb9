using ChatBot.Core.Commands;

namespace ChatBot.Discord.Interactions;

/// <summary>
/// An interaction as the handler needs it: how to answer it (<see cref="Id"/>, <see cref="Token"/>)
/// and either the command to run or a reply known without running anything (an expired button).
/// </summary>
internal sealed record DiscordInteraction(string Id, string Token, int Type)
{
    public const int PingType = 1;
    public const int ApplicationCommandType = 2;
    public const int MessageComponentType = 3;

    public CommandRequest? Request { get; init; }

    /// <summary>A reply to send without running a command; set when <see cref="Request"/> is null.</summary>
    public Reply? ImmediateReply { get; init; }

    public bool IsComponent => Type == MessageComponentType;
}
