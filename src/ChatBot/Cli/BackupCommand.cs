using System.CommandLine;
using System.Globalization;
using ChatBot.Admin;
using ChatBot.Core;
using ChatBot.Core.Storage;
using ChatBot.Hosting;
using ChatBot.Storage.Database;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatBot.Cli;

/// <summary>
/// <c>backup PATH</c>: writes a consistent copy of the database to a file, or a dated file in a folder.
/// When the bot has the database open, the bot writes it (asked over its admin endpoint through the
/// instance file); otherwise this command opens the database and writes it.
/// </summary>
internal static class BackupCommand
{
    public static Command Create(Option<string?> dataDirectory, IAnsiConsole console)
    {
        var path = new Argument<string>("path") { Description = "The backup file to write (replaced if it exists), or a folder for chatbot-yyyyMMdd-HHmmss.db." };
        var command = new Command("backup", "Write a consistent copy of the database, also while the bot runs.");
        command.Arguments.Add(path);
        command.SetAction((parse, token) => ChatBotCli.RunGuardedAsync(console, () =>
            RunAsync(ChatBotCli.Overrides(parse, dataDirectory), parse.GetValue(path) ?? "", console, token)));
        return command;
    }

    private static async Task<int> RunAsync(Dictionary<string, string?> overrides, string path, IAnsiConsole console, CancellationToken cancellationToken)
    {
        await using var app = ChatBotHost.BuildForVerb(console, overrides);
        PostgresGuard.RefuseFileVerb(app.Services, "backup");
        var database = app.Services.GetRequiredService<ChatBotDatabase>().FilePath;
        if (!File.Exists(database))
        {
            throw new ChatBotException($"There is no database at {database}: nothing to back up. Is Storage:DataDirectory (or --data-dir) right?");
        }

        // The bot's copy and ours are the same; the path must mean what the user typed, wherever the bot runs from.
        var target = string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path);
        BackupReport report;
        var writer = "";
        if (DatabaseLock.IsHeld(database))
        {
            var instancePath = InstanceFile.PathIn(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDataDirectory());
            var instance = InstanceFile.TryRead(instancePath) ?? throw new ChatBotException(
                $"The database {database} is in use by a ChatBot command (no running bot is announced in {instancePath}); try again when it has finished.");
            writer = $", written by the running bot ({instance})";
            report = await new AdminClient(app.Services.GetRequiredService<IHttpClientFactory>()).BackupAsync(instance, target, cancellationToken);
        }
        else
        {
            report = await WriteWithProgressAsync(app.Services.GetRequiredService<DatabaseBackup>(), database, target, console, cancellationToken);
        }

        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Backed up [bold]{report.Papers}[/] papers ({Size(report.Bytes)}) to [bold]{Markup.Escape(report.Path)}[/] in {report.Elapsed.TotalSeconds:0.0} s{Markup.Escape(writer)}."));
        return ChatBotCli.Success;
    }

    private static async Task<BackupReport> WriteWithProgressAsync(DatabaseBackup backup, string database, string target, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive || !console.Profile.Out.IsTerminal)
        {
            return await backup.WriteAsync(target, copied: null, cancellationToken);
        }

        return await console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Copying", maxValue: Math.Max(1, new FileInfo(database).Length));
            return await backup.WriteAsync(target, new Progress<long>(bytes => task.Value = bytes), cancellationToken);
        });
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1 << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 30):0.0} GB"),
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB"),
    };
}
