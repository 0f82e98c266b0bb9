using ChatBot.Core.Papers;
using ChatBot.Testing;
using ChatBot.Tests.Alerts;
using ChatBot.Tests.Semantic;

namespace ChatBot.Tests.Console;

/// <summary>
/// Search by meaning at the console (the bot run with no chat platform, as a newcomer runs it), with the packaged model:
/// <c>/papers similar</c> answers with vector neighbours, and a <c>like:</c> alert typed at the prompt brings the new paper
/// close to its paper, once, as the console's direct message (printed, labelled "DM to" the user), and never the unrelated one.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class ConsoleByMeaningTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_console_user_gets_similar_papers_by_meaning_and_the_new_paper_close_to_their_like_alert_once()
    {
        _environment.Set("Embeddings__Enabled", "true");
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", SeedCorpus.Directory)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "reindex")).ExitCode);
        var (byMeaning, byWords) = await ClosestPaper.FindAsync(_data.Path, PaperId.Parse(SimilarPapersSlackHostTests.SourceId));
        Assert.NotEqual(byWords, byMeaning);
        // What the console platform prints above a direct message (the console user's id is "console").
        const string directMessage = "\u2500\u2500 DM to console";

        // First run: similar papers, then an alert by example, typed at the prompt.
        var first = await RunConsoleAsync(async (bot, _) =>
        {
            await bot.WriteLineAsync("/papers similar " + SimilarPapersSlackHostTests.SourceId + " --limit 3");
            await bot.WaitUntilAsync(() => bot.Output.Contains("closest in meaning first", StringComparison.Ordinal), "similar papers");
            await bot.WriteLineAsync("/alerts add like:" + LikeAlertPapers.SourceId);
            await bot.WaitUntilAsync(() => bot.Output.Contains("Alert 1 added: papers like", StringComparison.Ordinal), "the alert's confirmation");
        });
        await File.WriteAllTextAsync(_data.File("new.json"), LikeAlertPapers.NewPapersJson());
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "import", _data.File("new.json"))).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("--data-dir", _data.Path, "reindex")).ExitCode);

        // Second run prints the close paper to the user; the third prints nothing more, once its alert worker has finished a tick.
        var second = await RunConsoleAsync(async (bot, url) =>
        {
            await bot.WaitUntilAsync(() => bot.Output.Contains(LikeAlertPapers.Close, StringComparison.Ordinal), "the alert's direct message");
            await WorkerTicks.WaitAsync(url, "alerts", 1, () => bot.HasExited, () => bot.Output);
        });
        var third = await RunConsoleAsync((bot, url) => WorkerTicks.WaitAsync(url, "alerts", 1, () => bot.HasExited, () => bot.Output));

        Assert.Contains(Lines(first), l => l.StartsWith("1. " + byMeaning, StringComparison.Ordinal));
        Assert.Single(Lines(second), l => l.Contains(directMessage, StringComparison.Ordinal));
        Assert.DoesNotContain(LikeAlertPapers.Unrelated, second, StringComparison.Ordinal);
        Assert.Contains("alert 1", second, StringComparison.Ordinal);
        Assert.DoesNotContain(directMessage, third, StringComparison.Ordinal);
    }

    /// <summary>Runs the bot in console mode (no platform token) until <paramref name="whileRunning"/> is done, then types <c>exit</c>; returns what it printed.</summary>
    private async Task<string> RunConsoleAsync(Func<BotProcess, Uri, Task> whileRunning)
    {
        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        await using var bot = BotProcess.Start(["--data-dir", _data.Path], new Dictionary<string, string?>
        {
            ["Urls"] = url.AbsoluteUri.TrimEnd('/'),
            ["Sources__HuggingFace__Enabled"] = "false",
        });
        await bot.WaitUntilAsync(() => bot.Output.Contains("ChatBot console.", StringComparison.Ordinal), "the console's greeting");
        await whileRunning(bot, url);
        await bot.WriteLineAsync("exit");
        var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exitCode == 0, bot.Output);
        return bot.Output;
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
