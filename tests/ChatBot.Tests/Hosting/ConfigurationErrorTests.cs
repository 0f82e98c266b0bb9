using ChatBot.Testing;

namespace ChatBot.Tests.Hosting;

[Collection(ProcessEnvironment.Name)]
public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose()
    {
        foreach (var name in new[] { "Ingest__BatchSize", "Embeddings__Threads", "DailyPosts__0__Platform", "DailyPosts__0__ChannelId", "DailyPosts__0__Time", "DailyPosts__0__TimeZone" })
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
    public async Task A_bad_embeddings_setting_stops_the_command_with_one_line_naming_it()
    {
        Environment.SetEnvironmentVariable("Embeddings__Threads", "0");

        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _data.Path, "stats"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Embeddings:Threads must be between 1 and 64.", output, StringComparison.Ordinal);
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

    [Fact]
    public async Task A_daily_thread_is_refused_on_a_platform_that_is_not_registered_and_accepted_on_each_registered_one_by_every_verb()
    {
        using var environment = new EnvironmentVariables();
        environment.Set("DailyThreads__Schedules__0__ChannelId", "123");
        environment.Set("DailyThreads__Schedules__0__Time", "09:00");
        environment.Set("DailyThreads__Schedules__0__TimeZone", "UTC");
        environment.Set("DailyThreads__Schedules__0__Platform", "teams");

        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _data.Path, "stats"]);

        Assert.Equal(2, exitCode);
        Assert.Equal(
            "Configuration error: DailyThreads:Schedules:0:Platform 'teams' is not a platform; use discord, slack or console.",
            Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        foreach (var platform in new[] { "discord", "slack", "console" })
        {
            environment.Set("DailyThreads__Schedules__0__Platform", platform);
            (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _data.Path, "stats"]);
            Assert.True(exitCode == 0, platform + ": " + output);
        }
    }

    [Theory]
    [InlineData("Ingest__Interval", "half an hour", "Ingest:Interval 'half an hour' is not a duration such as 00:30:00")]
    [InlineData("Sources__HuggingFace__PastDays", "three", "Sources:HuggingFace:PastDays 'three' is not a whole number")]
    [InlineData("Shutdown__GracePeriod", "01:00:00", "Shutdown:GracePeriod must be between 00:00:00 and 00:05:00.")]
    [InlineData("Slack__SocketConnections", "20", "Slack:SocketConnections must be between 1 and 10.")]
    [InlineData("Urls", "localhost:8080", "Urls 'localhost:8080' is not an address to listen on; expected e.g. http://127.0.0.1:8080")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "eighty", "HTTP_PORTS (ASPNETCORE_HTTP_PORTS) 'eighty' is not a port number; expected e.g. 8080")]
    public async Task Each_misconfiguration_stops_the_bot_with_one_line_and_exit_code_2(string name, string value, string message)
    {
        using var environment = new EnvironmentVariables();
        environment.Set(name, value);
        environment.Set("Console__Enabled", "false");

        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _data.Path]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Configuration error: " + message, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_bad_settings_in_different_sections_are_each_one_line()
    {
        using var environment = new EnvironmentVariables();
        environment.Set("Alerts__MaxAttempts", "0");
        environment.Set("Slack__SocketConnections", "20");

        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _data.Path, "stats"]);

        Assert.Equal(2, exitCode);
        Assert.Equal(
            ["Configuration error: Alerts:MaxAttempts must be between 1 and 20.", "Configuration error: Slack:SocketConnections must be between 1 and 10."],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The real process, its output a pipe (as under Docker or systemd): the host itself must not add its
    /// "Hosting failed to start" and the stack, and the line must not be folded at 80 columns.
    /// </summary>
    [Theory]
    [InlineData("Ingest__BatchSize", "0", "Configuration error: Ingest:BatchSize")]
    [InlineData("Urls", "localhost:8080", "Configuration error: Urls 'localhost:8080' is not an address to listen on; expected e.g. http://127.0.0.1:8080 (several separated by ';')")]
    [InlineData("DailyPosts__0__TimeZone", "Europe/Berln", "Configuration error: DailyPosts:0:TimeZone 'Europe/Berln' is not a known time zone")]
    [InlineData("DailyThreads__Schedules__0__TimeZone", "Europe/Berln", "Configuration error: DailyThreads:Schedules:0:TimeZone 'Europe/Berln' is not a known time zone")]
    public async Task A_bad_setting_stops_the_real_process_with_exit_code_2_and_one_unwrapped_line_without_a_stack(string name, string value, string line)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{LoopbackPort.Free()}",
            ["Console__Enabled"] = "false",
            ["Sources__HuggingFace__Enabled"] = "false",
        };
        if (name.EndsWith("__0__TimeZone", StringComparison.Ordinal))
        {
            // The rest of the schedule, under the same section (the old DailyPosts or DailyThreads:Schedules).
            var schedule = name[..^"TimeZone".Length];
            environment[schedule + "Platform"] = "discord";
            environment[schedule + "ChannelId"] = "123";
            environment[schedule + "Time"] = "09:00";
        }

        environment[name] = value;

        var (exitCode, output) = await BotProcess.RunAsync(["--data-dir", _data.Path], environment);

        Assert.True(exitCode == 2, output);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith(line, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.StartsWith("Configuration error: ", l, StringComparison.Ordinal));
    }
}
