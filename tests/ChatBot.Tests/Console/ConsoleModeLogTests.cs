using ChatBot.Testing;

namespace ChatBot.Tests.Console;

/// <summary>
/// What a newcomer sees first: in console mode (no chat platform configured) the terminal gets the prompt's
/// greeting, warnings and errors, one line each; the host's informational logs go to data/logs/chatbot-yyyyMMdd.log.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ConsoleModeLogTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task The_console_shows_warnings_only_and_the_log_file_in_the_data_folder_has_everything()
    {
        var inbox = Directory.CreateDirectory(Path.Combine(_data.Path, "inbox")).FullName;
        var garbage = Path.Combine(inbox, "garbage.json");
        await File.WriteAllTextAsync(garbage, "this is not a list of papers");
        // Older than the inbox's settle time, so the first ingest tick takes it (and warns that nothing could be read).
        File.SetLastWriteTimeUtc(garbage, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1));
        await using var bot = BotProcess.Start(["--data-dir", _data.Path], new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{LoopbackPort.Free()}",
            ["Sources__HuggingFace__Enabled"] = "false",
        });

        await bot.WaitUntilAsync(() => bot.Output.Contains("garbage.json", StringComparison.Ordinal), "the inbox warning");
        await bot.WaitUntilAsync(() => bot.Output.Contains("ChatBot console.", StringComparison.Ordinal), "the console's greeting");
        await bot.WriteLineAsync("exit");
        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 0, bot.Output);
        var lines = bot.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var warning = Assert.Single(lines, l => l.Contains("garbage.json", StringComparison.Ordinal));
        Assert.StartsWith("warning: Inbox: nothing in garbage.json could be read", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("info:", StringComparison.Ordinal));
        Assert.DoesNotContain("Now listening on", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Content root", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Admin endpoints at", bot.Output, StringComparison.Ordinal);

        var log = Assert.Single(Directory.GetFiles(Path.Combine(_data.Path, "logs")));
        Assert.Matches(@"chatbot-[0-9]{8}\.log$", log);
        var text = await File.ReadAllTextAsync(log);
        Assert.Contains("Now listening on", text, StringComparison.Ordinal);
        Assert.Contains("Admin endpoints at", text, StringComparison.Ordinal);
        Assert.Contains("Inbox: nothing in garbage.json could be read", text, StringComparison.Ordinal);
        Assert.Contains("Console input ended; stopping", text, StringComparison.Ordinal);
        // What Logging:LogLevel lets through (Information by default), not the host's debug chatter.
        Assert.DoesNotContain("[DBG]", text, StringComparison.Ordinal);
    }
}
