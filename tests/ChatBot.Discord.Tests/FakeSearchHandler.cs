using ChatBot.Core.Commands;

namespace ChatBot.Discord.Tests;

/// <summary>
/// <c>/papers search</c> answering "Results for {query}" after <see cref="Delay"/> (real time),
/// and counting how often it ran.
/// </summary>
internal sealed class FakeSearchHandler : ICommandHandler
{
    private int _calls;

    public string Command => CommandCatalog.PapersCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.Papers.FindSubcommand("search")!;

    public TimeSpan Delay { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public List<CommandRequest> Requests { get; } = [];

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        Interlocked.Increment(ref _calls);
        lock (Requests)
        {
            Requests.Add(context.Request);
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        return new Reply { Title = $"Results for {context.Request.Options["query"]}" };
    }
}
