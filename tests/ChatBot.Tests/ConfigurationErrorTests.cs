using ChatBot.Testing;

namespace ChatBot.Tests;

[Collection(ProcessEnvironment.Name)]
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("Ingest__BatchSize", null);
        _data.Dispose();
    }

    [Fact]
    public async Task A_bad_setting_stops_the_command_with_one_line_naming_it()
    {
        Environment.SetEnvironmentVariable("Ingest__BatchSize", "0");

        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _data.Path, "stats"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Ingest:BatchSize", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
