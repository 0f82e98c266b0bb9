using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChatBot.Core.Storage;
using ChatBot.Hosting;
using ChatBot.Storage.Database;
using ChatBot.Storage.Postgres.Database;
using Spectre.Console;

namespace ChatBot.Cli;

/// <summary><c>stats [--json]</c>: how many papers there are, from which sources, over which dates.</summary>
internal static class StatsCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create(Option<string?> dataDirectory, IAnsiConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object (with a top-level 'papers' total) for scripts." };
        var command = new Command("stats", "Show paper counts by source and the range of publication dates.");
        command.Options.Add(json);
        command.SetAction((parse, token) => ChatBotCli.RunGuardedAsync(console, () =>
            RunAsync(ChatBotCli.Overrides(parse, dataDirectory), parse.GetValue(json), console, token)));
        return command;
    }

    private static async Task<int> RunAsync(Dictionary<string, string?> overrides, bool json, IAnsiConsole console, CancellationToken cancellationToken)
    {
        await using var app = ChatBotHost.BuildForVerb(console, overrides);
        var stats = await app.Services.GetRequiredService<IPaperStore>().GetStatsAsync(cancellationToken);
        var database = app.Services.GetService<PostgresDatabase>()?.Description ?? app.Services.GetRequiredService<ChatBotDatabase>().FilePath;
        if (json)
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new
            {
                papers = stats.Papers,
                bySource = stats.BySource.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(),
                oldestPublished = Date(stats.OldestPublished),
                newestPublished = Date(stats.NewestPublished),
                lastSequence = stats.LastSequence,
                database,
            }, JsonOptions));
            return ChatBotCli.Success;
        }

        var table = new Table().AddColumn("Source").AddColumn(new TableColumn("Papers").RightAligned());
        foreach (var (source, count) in stats.BySource.OrderByDescending(s => s.Value))
        {
            table.AddRow(Markup.Escape(source), count.ToString(CultureInfo.InvariantCulture));
        }

        table.AddRow("[bold]all[/]", $"[bold]{stats.Papers.ToString(CultureInfo.InvariantCulture)}[/]");
        console.Write(table);
        console.MarkupLineInterpolated($"Published: {Date(stats.OldestPublished) ?? "-"} to {Date(stats.NewestPublished) ?? "-"}");
        console.MarkupLineInterpolated($"Database: {database}");
        if (stats.Papers == 0)
        {
            console.MarkupLine("No papers yet. Import some with [bold]import PATH...[/] (for example the daily-papers pages in ../shared/seeds).");
        }

        return ChatBotCli.Success;
    }

    private static string? Date(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
