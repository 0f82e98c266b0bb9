using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ChatBot.Core.Search;
using ChatBot.Core.Semantic;
using ChatBot.Hosting;
using Spectre.Console;

namespace ChatBot.Cli;

/// <summary>
/// <c>reindex</c>: rebuilds the search index from the database, then brings the paper vectors up to it (embedding what
/// is missing or stale; every paper with <c>--embeddings</c>), with progress.
/// </summary>
internal static class ReindexCommand
{
    public static Command Create(Option<string?> dataDirectory, IAnsiConsole console)
    {
        var reembed = new Option<bool>("--embeddings")
        {
            Description = "Embed every paper again, not only those without a current vector (slow: about 100 papers a second).",
        };
        var command = new Command("reindex", "Rebuild the search index from the database and bring the paper vectors up to date (both are also kept current automatically).")
        {
            reembed,
        };
        command.SetAction((parse, token) => ChatBotCli.RunGuardedAsync(console, () =>
            RunAsync(ChatBotCli.Overrides(parse, dataDirectory), parse.GetValue(reembed), console, token)));
        return command;
    }

    private static async Task<int> RunAsync(Dictionary<string, string?> overrides, bool reembed, IAnsiConsole console, CancellationToken cancellationToken)
    {
        await using var app = ChatBotHost.BuildForVerb(console, overrides);
        var synchronizer = app.Services.GetRequiredService<SearchIndexSynchronizer>();
        var started = Stopwatch.GetTimestamp();
        var report = await WithProgressAsync(console, "Indexing papers", "indexed", p => synchronizer.RebuildAsync(p, cancellationToken));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Indexed [bold]{report.PapersIndexed}[/] papers in {seconds:0.0} s."));

        var vectors = app.Services.GetRequiredService<PaperVectorSynchronizer>();
        started = Stopwatch.GetTimestamp();
        var embedded = await WithProgressAsync(console, "Embedding papers", "embedded", p => reembed ? vectors.RebuildAsync(p, cancellationToken) : vectors.CatchUpAsync(p, cancellationToken));
        seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (embedded.Reason == VectorSyncReason.Unavailable)
        {
            var status = app.Services.GetRequiredService<ITextEmbedder>().Status;
            console.MarkupLine(Markup.Escape($"No paper vectors: the embedding model is {(status.State == EmbedderState.Disabled ? "turned off" : "unavailable")} ({status.Reason}); search runs on keywords."));
        }
        else
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Embedded [bold]{embedded.PapersEmbedded}[/] papers in {seconds:0.0} s (the others' vectors were current)."));
        }

        return ChatBotCli.Success;
    }

    private static async Task<T> WithProgressAsync<T>(IAnsiConsole console, string title, string verb, Func<IProgress<IndexProgress>, Task<T>> run)
    {
        if (console.Profile.Capabilities.Interactive && console.Profile.Out.IsTerminal)
        {
            return await console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask(title, maxValue: 1);
                return await run(new Progress<IndexProgress>(p => task.Value = p.Fraction));
            });
        }

        return await run(new TenthsProgress(console, verb));
    }

    // One line per tenth of the work when the output is a log or a pipe.
    private sealed class TenthsProgress(IAnsiConsole console, string verb) : IProgress<IndexProgress>
    {
        private int _lastTenth;

        public void Report(IndexProgress value)
        {
            var tenth = (int)(value.Fraction * 10);
            if (tenth > _lastTenth)
            {
                _lastTenth = tenth;
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{verb} {value.PapersIndexed} papers ({tenth * 10}%)"));
            }
        }
    }
}
