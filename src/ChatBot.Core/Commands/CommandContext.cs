namespace ChatBot.Core.Commands;

/// <summary>A request whose options were checked against the catalog, as a handler receives it.</summary>
public sealed record CommandContext(CommandRequest Request, CommandArguments Arguments);
