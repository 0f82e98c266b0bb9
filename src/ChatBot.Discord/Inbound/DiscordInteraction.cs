using ChatBot.Core.Commands;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// An interaction as Core needs it: how to answer it (<see cref="Id"/>, <see cref="Token"/>), who asked where, and
/// what they asked (a slash command's options, a button's command, or a reply known without running anything).
/// </summary>
internal sealed record DiscordInteraction(string Id, string Token, int Type, Caller Caller, CommandInput Input)
{
    public const int PingType = 1;
    public const int ApplicationCommandType = 2;
    public const int MessageComponentType = 3;

    public bool IsComponent => Type == MessageComponentType;
}
