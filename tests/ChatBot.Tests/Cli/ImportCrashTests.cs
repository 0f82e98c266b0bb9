using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using ChatBot.Storage.Papers;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Tests.Cli;

public sealed class ImportCrashTests : IDisposable
{
    private const int Files = 200;
    private const int PapersPerFile = 100;
    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Killing_an_import_leaves_a_database_that_opens_with_every_file_it_reported_imported()
    {
        var inbox = Path.Combine(_work.Path, "in");
        var data = Path.Combine(_work.Path, "data");
        WriteHuggingFaceFiles(inbox);

        var reported = await ImportAndKillAfterAsync(inbox, data, reportedFiles: 5);

        Assert.InRange(reported.Count, 5, Files - 1);
        using var database = new ChatBotDatabase(Options.Create(new StorageOptions { DataDirectory = data }));
        var store = new LiteDbPaperStore(database, TimeProvider.System);
        foreach (var file in reported)
        {
            var fileIndex = int.Parse(Path.GetFileNameWithoutExtension(file)[5..], CultureInfo.InvariantCulture);
            for (var i = 0; i < PapersPerFile; i++)
            {
                var paper = await store.FindAsync(PaperId.Parse(ArxivIdOf(fileIndex, i)));
                Assert.True(paper is not null, $"{ArxivIdOf(fileIndex, i)} from {file} is missing");
                Assert.Equal(TitleOf(fileIndex, i), paper.Title);
            }
        }

        var stats = await store.GetStatsAsync();
        Assert.InRange(stats.Papers, reported.Count * PapersPerFile, (Files * PapersPerFile) - 1);
    }

    /// <summary>Runs the real CLI in a child process and kills it once it has reported some files.</summary>
    private static async Task<List<string>> ImportAndKillAfterAsync(string inbox, string data, int reportedFiles)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatBot.dll"));
        foreach (var argument in (string[])["--data-dir", data, "import", inbox])
        {
            start.ArgumentList.Add(argument);
        }

        // Small transactions: many commits to interrupt.
        start.Environment["Ingest__BatchSize"] = "20";
        using var process = Process.Start(start)!;
        var reported = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (reported.Count < reportedFiles && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("imported ", StringComparison.Ordinal))
            {
                reported.Add(line["imported ".Length..line.IndexOf(':', StringComparison.Ordinal)]);
            }
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(timeout.Token);
        // Lines already printed before the kill landed count too.
        var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        reported.AddRange(rest.Split('\n')
            .Where(l => l.StartsWith("imported ", StringComparison.Ordinal))
            .Select(l => l["imported ".Length..l.IndexOf(':', StringComparison.Ordinal)]));
        if (reported.Count < reportedFiles)
        {
            Assert.Fail($"The import reported {reported.Count} files before it ended: {await process.StandardError.ReadToEndAsync(timeout.Token)}");
        }

        return reported;
    }

    private static void WriteHuggingFaceFiles(string folder)
    {
        Directory.CreateDirectory(folder);
        for (var f = 0; f < Files; f++)
        {
            var json = new StringBuilder("[");
            for (var i = 0; i < PapersPerFile; i++)
            {
                json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$$"""
                    {"publishedAt":"2026-01-02T10:00:00.000Z","title":"{{{TitleOf(f, i)}}}","numComments":1,
                     "paper":{"id":"{{{ArxivIdOf(f, i)}}}","title":"{{{TitleOf(f, i)}}}","summary":"We study crash safety of embedded databases, case {{{i}}}.",
                              "authors":[{"name":"Ada Lovelace"}],"publishedAt":"2026-01-01T00:00:00.000Z","upvotes":{{{i}}}}}
                    """);
            }

            File.WriteAllText(Path.Combine(folder, $"page-{f:D4}.json"), json.Append(']').ToString());
        }
    }

    private static string ArxivIdOf(int file, int index) => string.Create(CultureInfo.InvariantCulture, $"2601.{(file * PapersPerFile) + index:D5}");

    private static string TitleOf(int file, int index) => string.Create(CultureInfo.InvariantCulture, $"Crash-safe import, file {file} paper {index}");
}
