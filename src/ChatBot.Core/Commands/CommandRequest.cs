namespace ChatBot.Core.Commands;

/// <summary>
/// A command as Core runs it: which command and subcommand, the raw option values by name, and the
/// <see cref="Caller"/> who asked where (stamped by <see cref="CommandInvoker"/> from what the platform said).
/// </summary>
public sealed record CommandRequest(string Command, string Subcommand, IReadOnlyDictionary<string, string> Options)
{
    public Caller Caller { get; init; } = Caller.Unknown;
}
