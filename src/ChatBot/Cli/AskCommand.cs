using System.CommandLine;
using ChatBot.Console;
using ChatBot.Console.Inbound;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using ChatBot.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatBot.Cli;

/// <summary>
/// <c>ask "/papers search diffusion"</c>: runs one command exactly as the console would and exits,
/// for scripts and tests. Exit code 1 when the reply is an error (a bad query, an unknown paper).
/// </summary>
internal static class AskCommand
{
    public static Command Create(Option<string?> dataDirectory, IAnsiConsole console)
    {
        var words = new Argument<string[]>("command")
        {
            Description = "The command, e.g. \"/papers search time series since:30d\" (quotes optional).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("ask", "Run one bot command, print the reply, and exit.");
        command.Arguments.Add(words);
        command.SetAction((parse, token) => ChatBotCli.RunGuardedAsync(console, () =>
            RunAsync(ChatBotCli.Overrides(parse, dataDirectory), string.Join(' ', parse.GetValue(words) ?? []), console, token)));
        return command;
    }

    private static async Task<int> RunAsync(Dictionary<string, string?> overrides, string text, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var builder = ChatBotHost.CreateBuilder(console, overrides);
        await using var app = builder.Build();
        HostValidation.Validate(app.Services);
        await app.Services.GetRequiredService<SearchIndexSynchronizer>().EnsureCurrentAsync(progress: null, cancellationToken);
        await EmptyDatabaseHint.WriteIfEmptyAsync(
            console,
            app.Services.GetRequiredService<IPaperStore>(),
            app.Services.GetRequiredService<IOptions<StorageOptions>>().Value,
            cancellationToken);
        var reply = await app.Services.GetRequiredService<ConsoleCommandAdapter>().RunAsync(text, cancellationToken);
        return reply.IsError ? ChatBotCli.Failure : ChatBotCli.Success;
    }
}
