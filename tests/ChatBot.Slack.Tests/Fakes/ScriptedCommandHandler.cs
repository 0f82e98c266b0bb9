using System.Collections.Concurrent;
using ChatBot.Core.Commands;

namespace ChatBot.Slack.Tests.Fakes;

/// <summary>A handler for one subcommand (of /papers unless told) that records what it was asked and answers as scripted.</summary>
internal sealed class ScriptedCommandHandler(
    string subcommand,
    Func<CommandContext, CancellationToken, Task<Reply>>? answer = null,
    string command = CommandCatalog.PapersCommand) : ICommandHandler
{
    private readonly ConcurrentQueue<CommandContext> _calls = new();

    public string Command => command;

    public SubcommandDefinition Definition { get; } = CommandCatalog.Find(command)?.FindSubcommand(subcommand)
        ?? throw new ArgumentException($"No subcommand {subcommand}", nameof(subcommand));

    public IReadOnlyList<CommandContext> Calls => [.. _calls];

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        _calls.Enqueue(context);
        return answer is null
            ? Reply.Message($"{Definition.Name} answered")
            : await answer(context, cancellationToken);
    }
}
