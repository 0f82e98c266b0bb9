using System.Text;
using ChatBot.Cli;
using ChatBot.Testing;
using Spectre.Console;

namespace ChatBot.Tests;

/// <summary>
/// The bot running in-process on a data directory, serving HTTP on a free loopback port, with the Hugging Face
/// source and the console off. Whatever else the test set in the environment applies, such as a chat platform
/// pointed at fakes; with none the bot runs headless. Disposing stops it and checks it stopped cleanly.
/// Tests using it belong to the <see cref="ProcessEnvironment"/> collection.
/// </summary>
internal sealed class RunningBot : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _output = new(new StringBuilder());
    private readonly EnvironmentVariables _environment = new();
    private readonly TimeSpan _exitWithin;
    private Task<int>? _bot;

    private RunningBot(Uri url, TimeSpan exitWithin)
    {
        Url = url;
        _exitWithin = exitWithin;
    }

    public Uri Url { get; }

    /// <summary>What the bot printed on its console (not its logs); still readable after it stopped.</summary>
    public string Output => _output.ToString();

    /// <summary>
    /// Starts the bot and waits until it serves HTTP. <paramref name="exitWithin"/> is how long a stop may take
    /// (30 s unless a test sets a longer Shutdown:GracePeriod).
    /// </summary>
    public static async Task<RunningBot> StartAsync(string dataDirectory, TimeSpan? exitWithin = null)
    {
        var bot = new RunningBot(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}"), exitWithin ?? TimeSpan.FromSeconds(30));
        bot._environment.Set("Urls", bot.Url.AbsoluteUri.TrimEnd('/'));
        bot._environment.Set("Console__Enabled", "false");
        bot._environment.Set("Sources__HuggingFace__Enabled", "false");
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(bot._output) });
        bot._bot = Task.Run(() => ChatBotCli.RunAsync(["--data-dir", dataDirectory], console, bot._stop.Token));
        try
        {
            await bot.WaitUntilServingAsync();
        }
        catch
        {
            // Stop it without asserting (the failed start is the error worth reading) and leave no settings behind.
            await bot._stop.CancelAsync();
            await Task.WhenAny(bot._bot, Task.Delay(bot._exitWithin));
            await bot.ReleaseAsync();
            throw;
        }

        return bot;
    }

    /// <summary>
    /// Runs the bot while <paramref name="whileRunning"/> runs, then stops it: it must exit with
    /// <see cref="ChatBotCli.Success"/> and must never have printed <paramref name="secret"/> (a token).
    /// </summary>
    public static async Task RunAsync(string dataDirectory, string secret, Func<RunningBot, Task> whileRunning, TimeSpan? exitWithin = null)
    {
        var bot = await StartAsync(dataDirectory, exitWithin);
        await using (bot)
        {
            await whileRunning(bot);
        }

        Assert.DoesNotContain(secret, bot.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Waits up to 60 s for <paramref name="done"/> to hold, failing if it never does or the bot stops first; then
    /// waits <paramref name="settle"/> more, to give anything that should not happen the time to show.
    /// </summary>
    public async Task WaitUntilAsync(Func<bool> done, TimeSpan settle = default)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (!done() && !_bot!.IsCompleted && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(done(), "timed out or stopped early: " + Output);
        await Task.Delay(settle);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            Assert.Equal(ChatBotCli.Success, await _bot!.WaitAsync(_exitWithin));
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    private async Task ReleaseAsync()
    {
        _environment.Dispose();
        _stop.Dispose();
        await _output.DisposeAsync();
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { BaseAddress = Url };
        for (var i = 0; i < 300; i++)
        {
            if (_bot!.IsCompleted)
            {
                throw new InvalidOperationException($"The bot stopped while starting (exit code {await _bot}): {Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("The bot did not serve HTTP within 30 s.");
    }
}
