using ChatBot.Testing;

namespace ChatBot.Tests;

[Collection(ProcessEnvironment.Name)]
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose()
    {
        foreach (var name in new[] { "Ingest__BatchSize", "DailyPosts__0__Platform", "DailyPosts__0__ChannelId", "DailyPosts__0__Time", "DailyPosts__0__TimeZone" })
        {
            Environment.SetEnvironmentVariable(name, null);
        }

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

    [Fact]
    public async Task A_daily_thread_with_an_unknown_time_zone_and_a_bad_time_is_refused_naming_each_setting()
    {
        Environment.SetEnvironmentVariable("DailyPosts__0__Platform", "discord");
        Environment.SetEnvironmentVariable("DailyPosts__0__ChannelId", "123");
        Environment.SetEnvironmentVariable("DailyPosts__0__Time", "9am");
        Environment.SetEnvironmentVariable("DailyPosts__0__TimeZone", "Europe/Berln");

        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _data.Path, "stats"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("DailyPosts:0:TimeZone 'Europe/Berln' is not a known time zone", output, StringComparison.Ordinal);
        Assert.Contains("DailyPosts:0:Time '9am' is not a time of day; use 24-hour HH:mm, e.g. 09:00", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
