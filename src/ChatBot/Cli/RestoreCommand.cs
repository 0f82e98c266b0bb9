using System.CommandLine;
using ChatBot.Admin;
using ChatBot.Core;
using ChatBot.Core.Storage;
using ChatBot.Hosting;
using ChatBot.Storage.Database;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatBot.Cli;

/// <summary>
/// <c>restore PATH</c>: replaces the database with a backup, never while a bot or a command has it open.
/// The previous database is kept beside it; the search index is rebuilt when the bot next starts.
/// </summary>
internal static class RestoreCommand
{
    public static Command Create(Option<string?> dataDirectory, IAnsiConsole console)
    {
        var path = new Argument<string>("path") { Description = "The backup file (written by the backup command)." };
        var command = new Command("restore", "Replace the database with a backup (the bot must be stopped; the current database is kept).");
        command.Arguments.Add(path);
        command.SetAction((parse, token) => ChatBotCli.RunGuardedAsync(console, () =>
            RunAsync(ChatBotCli.Overrides(parse, dataDirectory), parse.GetValue(path) ?? "", console, token)));
        return command;
    }

    private static async Task<int> RunAsync(Dictionary<string, string?> overrides, string path, IAnsiConsole console, CancellationToken cancellationToken)
    {
        await using var app = ChatBotHost.BuildForVerb(console, overrides);
        PostgresGuard.RefuseFileVerb(app.Services, "restore");
        var database = app.Services.GetRequiredService<ChatBotDatabase>().FilePath;
        if (DatabaseLock.IsHeld(database))
        {
            var instancePath = InstanceFile.PathIn(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataDirectory());
            throw new ChatBotException(InstanceFile.TryRead(instancePath) is { } instance
                ? $"The bot is running on {database} ({instance}): stop it before restoring."
                : $"The database {database} is in use by a ChatBot command: let it finish before restoring.");
        }

        var report = await app.Services.GetRequiredService<DatabaseRestore>().RestoreAsync(path, cancellationToken);
        console.MarkupLineInterpolated($"Restored [bold]{report.Papers}[/] papers from {report.Source} into {report.Database}.");
        if (report.Previous is { } previous)
        {
            console.MarkupLineInterpolated($"The previous database is kept as {previous}.");
        }

        console.MarkupLine("The search index was emptied; the bot rebuilds it from the restored papers when it next starts.");
        return ChatBotCli.Success;
    }
}
