using ChatBot.Testing;

namespace ChatBot.Tests.Search;

/// <summary>The index under data/index follows the database: rebuilt when deleted, on demand with reindex.</summary>
public sealed class SearchIndexHostTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_deleted_index_is_rebuilt_on_the_next_start_and_searches_everything()
    {
        await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory);
        var (_, before) = await CliRunner.RunAsync("--data-dir", _data.Path, "ask", "/papers search transformer");
        Directory.Delete(Path.Combine(_data.Path, "index"), recursive: true);

        var (exitCode, after) = await CliRunner.RunAsync("--data-dir", _data.Path, "ask", "/papers search transformer");

        Assert.Equal(0, exitCode);
        Assert.Equal(TitleLine(before), TitleLine(after));
        Assert.Contains(" papers for \u201ctransformer\u201d", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_rebuilds_from_the_database_and_reports_the_count()
    {
        await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory);

        var (exitCode, output) = await CliRunner.RunAsync("--data-dir", _data.Path, "reindex");

        Assert.Equal(0, exitCode);
        Assert.Contains("Indexed 239 papers", output, StringComparison.Ordinal);
    }

    private static string TitleLine(string output) =>
        output.Split('\n').First(l => l.Contains(" papers for ", StringComparison.Ordinal));
}
