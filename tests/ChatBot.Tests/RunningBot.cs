using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatBot.Cli;
using Spectre.Console;

namespace ChatBot.Tests;

/// <summary>
/// The bot running in-process on a data directory, headless (no platform, no console, no Hugging Face),
/// serving HTTP on a free loopback port; disposing stops it and checks it stopped cleanly.
/// Tests using it belong to the <see cref="ProcessEnvironment"/> collection.
/// </summary>
internal sealed class RunningBot : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _output = new(new StringBuilder());
    private readonly EnvironmentVariables _environment = new();
    private Task<int>? _bot;

    private RunningBot(Uri url) => Url = url;

    public Uri Url { get; }

    /// <summary>What the bot printed on its console (not its logs).</summary>
    public string Output => _output.ToString();

    public static async Task<RunningBot> StartAsync(string dataDirectory)
    {
        var bot = new RunningBot(new Uri($"http://127.0.0.1:{FreePort()}"));
        bot._environment.Set("Urls", bot.Url.AbsoluteUri.TrimEnd('/'));
        bot._environment.Set("Console__Enabled", "false");
        bot._environment.Set("Sources__HuggingFace__Enabled", "false");
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(bot._output) });
        bot._bot = Task.Run(() => ChatBotCli.RunAsync(["--data-dir", dataDirectory], console, bot._stop.Token));
        await bot.WaitUntilServingAsync();
        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            Assert.Equal(ChatBotCli.Success, await _bot!.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            _environment.Dispose();
            _stop.Dispose();
            await _output.DisposeAsync();
        }
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
