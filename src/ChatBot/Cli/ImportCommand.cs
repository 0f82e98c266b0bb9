using System.CommandLine;
using System.Globalization;
using ChatBot.Core.Ingestion;
using ChatBot.Core.Ingestion.Parsing;
using ChatBot.Hosting;
using Spectre.Console;

namespace ChatBot.Cli;

/// <summary>
/// <c>import PATH...</c>: reads daily-papers page text, Hugging Face JSON or arXiv Atom files
/// (detected by content) into the database, with progress and a summary. Exits non-zero when a
/// file could not be read at all. Importing the same files again changes nothing.
/// </summary>
internal static class ImportCommand
{
    private const int RejectionsShown = 10;

    public static Command Create(Option<string?> dataDirectory, IAnsiConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders or globs such as 'seeds/*.txt'.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("import", "Import papers from daily-papers page text, Hugging Face daily_papers JSON or arXiv Atom files.");
        command.Arguments.Add(paths);
        command.SetAction((parse, token) => ChatBotCli.RunGuardedAsync(console, () =>
            RunAsync(ChatBotCli.Overrides(parse, dataDirectory), parse.GetValue(paths) ?? [], console, token)));
        return command;
    }

    private static async Task<int> RunAsync(Dictionary<string, string?> overrides, string[] paths, IAnsiConsole console, CancellationToken cancellationToken)
    {
        await using var app = ChatBotHost.BuildForVerb(console, overrides);
        var ingestor = app.Services.GetRequiredService<PaperIngestor>();
        var (files, unmatched) = ImportPaths.Expand(paths);
        foreach (var path in unmatched)
        {
            console.MarkupLineInterpolated($"[red]No file matches[/] {path}");
        }

        var imports = new List<FileImport>(files.Count);
        if (console.Profile.Capabilities.Interactive && console.Profile.Out.IsTerminal && files.Count > 0)
        {
            await console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Importing", maxValue: files.Count);
                foreach (var file in files)
                {
                    task.Description = Markup.Escape(DisplayName(file));
                    imports.Add(await FileImport.RunAsync(file, DisplayName(file), ingestor, cancellationToken));
                    task.Increment(1);
                }
            });
        }
        else
        {
            foreach (var file in files)
            {
                var import = await FileImport.RunAsync(file, DisplayName(file), ingestor, cancellationToken);
                imports.Add(import);
                // One line per committed file, so a log (or a watching test) knows what is safely stored.
                console.Profile.Out.Writer.WriteLine(Describe(import));
            }
        }

        WriteSummary(console, imports);
        return unmatched.Count > 0 || imports.Any(i => i.Unreadable) ? ChatBotCli.Failure : ChatBotCli.Success;
    }

    private static string Describe(FileImport import) => import.Outcome is { } o
        ? string.Create(CultureInfo.InvariantCulture, $"imported {import.File}: {o.Papers} papers, {o.New} new, {o.Updated} updated, {o.Unchanged} unchanged, {o.Rejections.Count} rejected")
        : $"failed {import.File}: {import.Error}";

    private static void WriteSummary(IAnsiConsole console, List<FileImport> imports)
    {
        if (imports.Count == 0)
        {
            return;
        }

        var table = new Table()
            .AddColumn("File")
            .AddColumn("Format")
            .AddColumn(new TableColumn("Papers").RightAligned())
            .AddColumn(new TableColumn("New").RightAligned())
            .AddColumn(new TableColumn("Updated").RightAligned())
            .AddColumn(new TableColumn("Unchanged").RightAligned())
            .AddColumn(new TableColumn("Rejected").RightAligned());
        foreach (var import in imports)
        {
            var o = import.Outcome;
            table.AddRow(
                Markup.Escape(import.File),
                import.Unreadable ? "[red]unreadable[/]" : FormatName(import.Format),
                Number(o?.Papers), Number(o?.New), Number(o?.Updated), Number(o?.Unchanged), Number(o?.Rejections.Count));
        }

        var outcomes = imports.Select(i => i.Outcome).OfType<BatchOutcome>().ToList();
        table.AddRow(
            $"[bold]{imports.Count} files[/]", "",
            Number(outcomes.Sum(o => o.Papers)), Number(outcomes.Sum(o => o.New)), Number(outcomes.Sum(o => o.Updated)),
            Number(outcomes.Sum(o => o.Unchanged)), Number(outcomes.Sum(o => o.Rejections.Count)));
        console.Write(table);

        foreach (var failed in imports.Where(i => i.Unreadable))
        {
            console.MarkupLineInterpolated($"[red]{failed.File}[/]: {failed.Error}");
        }

        var rejections = outcomes.SelectMany(o => o.Rejections).ToList();
        if (rejections.Count > 0)
        {
            console.MarkupLineInterpolated($"First rejections ({Math.Min(RejectionsShown, rejections.Count)} of {rejections.Count}):");
            foreach (var rejection in rejections.Take(RejectionsShown))
            {
                console.MarkupLineInterpolated($"  [yellow]{rejection.ToString()}[/]");
            }
        }
    }

    private static string FormatName(PaperFormat format) => format switch
    {
        PaperFormat.DailyPapersText => "page text",
        PaperFormat.HuggingFaceJson => "HF JSON",
        PaperFormat.ArxivAtom => "arXiv Atom",
        _ => "unknown",
    };

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string DisplayName(string fullPath) => Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
}
