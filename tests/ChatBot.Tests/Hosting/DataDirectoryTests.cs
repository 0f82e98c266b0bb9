using System.Runtime.Versioning;
using ChatBot.Testing;
using ChatBot.Tests.Cli;

namespace ChatBot.Tests.Hosting;

/// <summary>
/// The data directory holds the database, the logs and the instance file with the admin token: one the bot or a
/// command creates is its owner's only (0700); the instance file inside stays 0600 (see <see cref="BackupHostTests"/>).
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class DataDirectoryTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_data_directory_created_by_a_command_is_readable_by_its_owner_only()
    {
        var data = Path.Combine(_work.Path, "new", "data");

        var (exitCode, output) = await CliRunner.RunAsync("--data-dir", data, "import", SeedCorpus.Files[0]);

        Assert.True(exitCode == 0, output);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(data));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_data_directory_created_by_the_bot_is_readable_by_its_owner_only()
    {
        var data = Path.Combine(_work.Path, "bot-data");

        await using (await RunningBot.StartAsync(data))
        {
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(data));
        }
    }
}
