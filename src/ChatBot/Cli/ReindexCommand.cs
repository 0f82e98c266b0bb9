using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ChatBot.Core.Search;
using ChatBot.Hosting;
using Spectre.Console;

namespace ChatBot.Cli;

/// <summary><c>reindex</c>: rebuilds the search index from the database, with progress.</summary>
internal static class ReindexCommand
{
    public static Command Create(Option<string?> dataDirectory, IAnsiConsole console)
    {
        var command = new Command("reindex", "Rebuild the search index from the database (it is also rebuilt automatically when missing or damaged).");
        command.SetAction((parse, token) => ChatBotCli.RunGuardedAsync(console, () =>
            RunAsync(ChatBotCli.Overrides(parse, dataDirectory), console, token)));
        return command;
    }

    private static async Task<int> RunAsync(Dictionary<string, string?> overrides, IAnsiConsole console, CancellationToken cancellationToken)
    {
        await using var app = ChatBotHost.BuildForVerb(console, overrides);
        var synchronizer = app.Services.GetRequiredService<SearchIndexSynchronizer>();
        var started = Stopwatch.GetTimestamp();
        IndexSyncReport report;
        if (console.Profile.Capabilities.Interactive && console.Profile.Out.IsTerminal)
        {
            report = await console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Indexing papers", maxValue: 1);
                return await synchronizer.RebuildAsync(new Progress<IndexProgress>(p => task.Value = p.Fraction), cancellationToken);
            });
        }
        else
        {
            report = await synchronizer.RebuildAsync(new TenthsProgress(console), cancellationToken);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Indexed [bold]{report.PapersIndexed}[/] papers in {seconds:0.0} s."));
        return ChatBotCli.Success;
    }

    // One line per tenth of the work when the output is a log or a pipe.
    private sealed class TenthsProgress(IAnsiConsole console) : IProgress<IndexProgress>
    {
        private int _lastTenth;

        public void Report(IndexProgress value)
        {
            var tenth = (int)(value.Fraction * 10);
            if (tenth > _lastTenth)
            {
                _lastTenth = tenth;
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"indexed {value.PapersIndexed} papers ({tenth * 10}%)"));
            }
        }
    }
}
