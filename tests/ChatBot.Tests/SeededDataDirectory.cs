using ChatBot.Testing;

namespace ChatBot.Tests;

/// <summary>A temp data directory with the seed corpus imported through the real CLI, shared by a test class.</summary>
public sealed class SeededDataDirectory : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();

    public string Path => _directory.Path;

    public async Task InitializeAsync()
    {
        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", Path, "import", SeedCorpus.Directory]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException("Importing the seed corpus failed: " + output);
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _directory.Dispose();
}
