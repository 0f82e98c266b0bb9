using ChatBot.Testing;

namespace ChatBot.Tests.Cli;

public sealed class AskOnEmptyDatabaseTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task An_empty_database_gets_a_hint_on_how_to_import_papers()
    {
        var (exitCode, output) = await CliRunner.RunAsync("--data-dir", _data.Path, "ask", "/papers search diffusion");

        Assert.Equal(0, exitCode);
        Assert.Contains("has no papers yet", output, StringComparison.Ordinal);
        Assert.Contains("-- import ../shared/seeds", output, StringComparison.Ordinal);
        Assert.Contains("There are no papers in the database yet", output, StringComparison.Ordinal);
    }
}
