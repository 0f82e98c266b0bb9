using ChatBot.Console.Inbound;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatBot.Console;

/// <summary>
/// The console platform: a prompt reading commands in the Slack text grammar
/// (<c>/papers search diffusion since:30d</c>, or just <c>search ...</c>), with history when the
/// terminal is interactive. End of input (Ctrl+D, a closed pipe) or <c>exit</c> stops the host.
/// </summary>
internal sealed class ConsoleRepl(
    IAnsiConsole console,
    ConsoleCommandAdapter commands,
    IPaperStore store,
    IOptions<ConsoleOptions> options,
    IOptions<StorageOptions> storage,
    IHostApplicationLifetime lifetime,
    ILogger<ConsoleRepl> logger) : BackgroundService
{
    private const string Prompt = "papers> ";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var history = new CommandHistory(HistoryPath(), options.Value.HistorySize);
        history.Load();
        var editor = System.Console.IsInputRedirected ? null : new LineEditor(history);
        console.MarkupLine("[bold]ChatBot console.[/] Type [bold]help[/] for the commands, e.g. [bold]search diffusion transformer since:30d[/]; [bold]exit[/] or Ctrl+D quits.");
        await EmptyDatabaseHint.WriteIfEmptyAsync(console, store, storage.Value, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var line = await ReadLineAsync(editor, stoppingToken);
            if (line is null || line.Trim() is "exit" or "quit")
            {
                Log.ConsoleClosed(logger);
                lifetime.StopApplication();
                return;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            history.Add(line.Trim());
            await commands.RunAsync(line, stoppingToken);
        }
    }

    private static async Task<string?> ReadLineAsync(LineEditor? editor, CancellationToken cancellationToken)
    {
        if (editor is null)
        {
            return await System.Console.In.ReadLineAsync(cancellationToken);
        }

        // ReadKey blocks its thread; at shutdown stop waiting for it rather than for a key press.
        return await Task.Run(() => editor.ReadLine(Prompt), CancellationToken.None).WaitAsync(cancellationToken);
    }

    private string? HistoryPath() => options.Value.HistoryFile is { Length: > 0 } file ? storage.Value.Resolve(file) : null;
}
