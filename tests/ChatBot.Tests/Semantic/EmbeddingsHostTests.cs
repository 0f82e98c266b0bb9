using ChatBot.Testing;

namespace ChatBot.Tests.Semantic;

/// <summary><c>reindex</c> brings the paper vectors up to the database with the packaged model, and says why when it cannot.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class EmbeddingsHostTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Reindex_embeds_every_paper_once_and_a_second_reindex_finds_every_vector_current()
    {
        _environment.Set("Embeddings__Enabled", "true");
        await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory);

        var (firstExit, first) = await CliRunner.RunAsync("--data-dir", _data.Path, "reindex");
        var (secondExit, second) = await CliRunner.RunAsync("--data-dir", _data.Path, "reindex");

        Assert.Equal((0, 0), (firstExit, secondExit));
        Assert.Contains("Embedded 239 papers", first, StringComparison.Ordinal);
        Assert.Contains("Embedded 0 papers", second, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_data.Path, "index", "vectors", "paper-vectors.bin")));
    }

    [Fact]
    public async Task Reindex_with_the_model_turned_off_indexes_and_says_that_search_runs_on_keywords()
    {
        _environment.Set("Embeddings__Enabled", "false");
        await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory);

        var (exitCode, output) = await CliRunner.RunAsync("--data-dir", _data.Path, "reindex");

        Assert.Equal(0, exitCode);
        Assert.Contains("Indexed 239 papers", output, StringComparison.Ordinal);
        Assert.Contains("No paper vectors: the embedding model is turned off", output, StringComparison.Ordinal);
    }
}
