using System.CommandLine;
using System.Globalization;
using ChatBot.Core;
using ChatBot.Core.Storage;
using ChatBot.Hosting;
using ChatBot.Migration;
using ChatBot.Storage.Database;
using ChatBot.Storage.Postgres.Database;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatBot.Cli;

/// <summary>
/// <c>migrate --to postgres</c>: copies the LiteDB database of the data directory (papers with their sequence, revision
/// and upvote history, alerts and settings, the delivery log with what was already sent, the post log, schedules,
/// state) into the PostgreSQL database of <c>Storage:ConnectionString</c>, with progress, then compares the two.
/// Run again, it compares and changes nothing; a database holding other data is refused with nothing written.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(Option<string?> dataDirectory, IAnsiConsole console)
    {
        var to = new Option<string>("--to")
        {
            Description = "The provider to copy into: postgres (the database of Storage:ConnectionString).",
            Required = true,
        };
        to.AcceptOnlyFromAmong("postgres");
        var command = new Command("migrate", "Copy the LiteDB database (everything, including what was already sent) into PostgreSQL; running it again changes nothing.");
        command.Options.Add(to);
        command.SetAction((parse, token) => ChatBotCli.RunGuardedAsync(console, () =>
        {
            var overrides = ChatBotCli.Overrides(parse, dataDirectory);

            // The source is the LiteDB file whatever Storage:Provider says; the target needs the connection string.
            overrides[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"] = "postgres";
            return RunAsync(overrides, console, token);
        }));
        return command;
    }

    private static async Task<int> RunAsync(Dictionary<string, string?> overrides, IAnsiConsole console, CancellationToken cancellationToken)
    {
        await using var app = ChatBotHost.BuildForVerb(console, overrides);
        if (string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString))
        {
            throw new ChatBotException("migrate --to postgres copies into the database of Storage:ConnectionString, which is not set (e.g. Storage__ConnectionString='Host=db;Database=chatbot;Username=chatbot;Password=…').");
        }

        var file = app.Services.GetRequiredService<ChatBotDatabase>();
        if (!File.Exists(file.FilePath))
        {
            throw new ChatBotException($"There is no LiteDB database at {file.FilePath}: nothing to migrate. Is Storage:DataDirectory (or --data-dir) right?");
        }

        if (DatabaseLock.IsHeld(file.FilePath))
        {
            throw new ChatBotException($"The database {file.FilePath} is in use (a bot or another command has it open): stop the bot, then migrate.");
        }

        var postgres = app.Services.GetRequiredService<PostgresDatabase>();
        var export = new LiteDbExport(file, app.Services.GetRequiredService<TimeProvider>(), app.Services.GetRequiredService<ILoggerFactory>());
        var migration = new StorageMigration(export, file.FilePath, new PostgresImport(postgres), postgres.Description);
        console.MarkupLineInterpolated($"Migrating [bold]{file.FilePath}[/] to PostgreSQL at [bold]{postgres.Description}[/]");
        MigrationReport report;
        if (console.Profile.Capabilities.Interactive && console.Profile.Out.IsTerminal)
        {
            report = await console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Copying papers", maxValue: 1);
                return await migration.RunAsync(new Progress<(int Copied, int Total)>(p => (task.MaxValue, task.Value) = (Math.Max(1, p.Total), p.Copied)), cancellationToken);
            });
        }
        else
        {
            var lastShown = 0;
            report = await migration.RunAsync(
                new Progress<(int Copied, int Total)>(p =>
                {
                    // A line per 10% (and the last), so a log shows the copy moving without a line per page.
                    if (p.Copied == p.Total || p.Copied - lastShown >= Math.Max(StorageMigration.PageSize, p.Total / 10))
                    {
                        lastShown = p.Copied;
                        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Copied {p.Copied} of {p.Total} papers"));
                    }
                }),
                cancellationToken);
        }

        console.MarkupLine(report.AlreadyMigrated
            ? string.Create(CultureInfo.InvariantCulture, $"Already migrated: PostgreSQL holds the same [bold]{report.Papers}[/] papers, {report.Alerts} alerts, {report.PendingDeliveries} pending deliveries and {report.Posts} daily threads as the LiteDB file. Nothing changed.")
            : string.Create(CultureInfo.InvariantCulture, $"Migrated [bold]{report.Papers}[/] papers, {report.Alerts} alerts, {report.PendingDeliveries} pending deliveries and {report.Posts} daily threads in {report.Elapsed.TotalSeconds:0.0} s; the copy matches the LiteDB file. Set Storage__Provider=postgres to run the bot on it."));
        return ChatBotCli.Success;
    }
}
