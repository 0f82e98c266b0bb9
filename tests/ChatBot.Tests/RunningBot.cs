using System.Globalization;
using System.Text;
using ChatBot.Cli;
using ChatBot.Testing;
using Microsoft.AspNetCore.Builder;
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
    private bool _released;

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
    /// (30 s unless a test sets a longer Shutdown:GracePeriod). <paramref name="listen"/> names the standard setting
    /// that tells it where to listen: <c>Urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c> or the
    /// <c>--urls</c> option; <paramref name="configure"/> adds to its host before it is built.
    /// </summary>
    public static async Task<RunningBot> StartAsync(
        string dataDirectory, TimeSpan? exitWithin = null, string listen = "Urls", Action<WebApplicationBuilder>? configure = null)
    {
        var port = LoopbackPort.Free();
        var bot = new RunningBot(new Uri($"http://127.0.0.1:{port}"), exitWithin ?? TimeSpan.FromSeconds(30));
        var address = bot.Url.AbsoluteUri.TrimEnd('/');
        string[] args = ["--data-dir", dataDirectory];
        switch (listen)
        {
            case "--urls":
                args = [.. args, "--urls", address];
                break;
            case "ASPNETCORE_HTTP_PORTS":
                // On every interface, as in a container; reached here through loopback.
                bot._environment.Set(listen, port.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                bot._environment.Set(listen, address);
                break;
        }

        bot._environment.Set("Console__Enabled", "false");
        bot._environment.Set("Sources__HuggingFace__Enabled", "false");
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(bot._output) });
        bot._bot = Task.Run(() => ChatBotCli.RunAsync(args, console, configure, bot._stop.Token));
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

    /// <summary>Waits up to 60 s for <paramref name="done"/> to hold, failing if it never does or the bot stops first.</summary>
    public async Task WaitUntilAsync(Func<bool> done)
    {
        // A bot that has stopped will never get there: stop waiting at once and say so.
        await Poll.UntilAsync(() => Task.FromResult(done() || _bot!.IsCompleted), TimeSpan.FromSeconds(60), () => "the condition: " + Output);
        Assert.True(done(), "stopped early: " + Output);
    }

    /// <summary>
    /// Waits (up to 60 s) until the bot's <paramref name="worker"/> (<c>ingest</c>, <c>daily-threads</c>, <c>alerts</c>)
    /// has finished <paramref name="ticks"/> ticks successfully, as <c>/metrics</c> counts them: the positive proof that
    /// it looked at everything due, before a test asserts that it sent nothing more.
    /// </summary>
    public Task WaitForWorkerTicksAsync(string worker, int ticks = 1) =>
        WorkerTicks.WaitAsync(Url, worker, ticks, () => _bot!.IsCompleted, () => Output);

    /// <summary>Waits for the bot to stop by itself (without asking it to) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            return await _bot!.WaitAsync(timeout);
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }

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
        if (_released)
        {
            return;
        }

        _released = true;
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
