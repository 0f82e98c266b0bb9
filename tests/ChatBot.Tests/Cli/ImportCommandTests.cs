using System.Text.Json;
using ChatBot.Testing;

namespace ChatBot.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Importing_the_seed_pages_gives_one_record_per_distinct_paper()
    {
        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _data.Path, "import", .. SeedCorpus.Files]);

        Assert.True(exitCode == 0, output);
        // Reasoned from the files: 000 lists 68 papers (136 title/abstract lines after 5 header
        // lines), 001 lists 119 (238 lines after 2 headers, the first title glued to "Subscribe"),
        // 002 lists 79 (158 lines after 6 headers) and 003 lists 42 (five lines each: title,
        // abstract, authors, '·', date). That is 308 listings; 43 titles appear in more than one
        // file (counted with sort | uniq -d on the title lines), accounting for 69 repeat listings,
        // so 308 - 69 = 239 distinct papers.
        Assert.Equal(239, await PaperCountAsync());
        Assert.Contains("308", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_same_files_twice_changes_nothing_the_second_time()
    {
        await CliRunner.RunAsync(["--data-dir", _data.Path, "import", .. SeedCorpus.Files]);

        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _data.Path, "import", SeedCorpus.Directory]);

        Assert.Equal(0, exitCode);
        foreach (var line in output.Split('\n').Where(l => l.StartsWith("imported ", StringComparison.Ordinal)))
        {
            Assert.Contains(" 0 new, 0 updated,", line, StringComparison.Ordinal);
        }

        Assert.Equal(239, await PaperCountAsync());
    }

    [Fact]
    public async Task Globs_are_expanded_and_a_path_matching_nothing_fails_the_import()
    {
        var glob = Path.Combine(SeedCorpus.Directory, "00?_*.txt");

        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _data.Path, "import", glob, Path.Combine(_data.Path, "missing.json")]);

        Assert.Equal(1, exitCode);
        Assert.Contains("No file matches", output, StringComparison.Ordinal);
        Assert.Contains("missing.json", output, StringComparison.Ordinal);
        Assert.Equal(4, output.Split('\n').Count(l => l.StartsWith("imported ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_file_with_no_readable_paper_fails_the_import_and_says_why()
    {
        var junk = _data.File("broken.json");
        await File.WriteAllTextAsync(junk, "[{\"paper\": {\"title\": \"no id\"}");
        var good = Path.Combine(SeedCorpus.Directory, SeedCorpus.Files[0]);

        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _data.Path, "import", junk, good]);

        Assert.Equal(1, exitCode);
        Assert.Contains("broken.json", output, StringComparison.Ordinal);
        Assert.Contains("unreadable", output, StringComparison.Ordinal);
        Assert.Equal(68, await PaperCountAsync());
    }

    private async Task<int> PaperCountAsync()
    {
        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _data.Path, "stats", "--json"]);
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("papers").GetInt32();
    }
}
