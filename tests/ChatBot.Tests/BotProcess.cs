using System.Diagnostics;
using System.Text;

namespace ChatBot.Tests;

/// <summary>
/// The built bot (ChatBot.dll beside the tests) run as a child process with <c>dotnet</c>, as a user or a container
/// runs it: its own environment, standard input, output and error redirected (so not a terminal). What it prints is
/// collected as it comes. Disposing kills it if it still runs.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private BotProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Standard output and standard error so far, interleaved as they arrived.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>dotnet ChatBot.dll ARGS</c>. The child inherits this process's environment (tests that start one
    /// belong to the <see cref="ProcessEnvironment"/> collection) plus <paramref name="environment"/>; a null value
    /// removes a variable.
    /// </summary>
    public static BotProcess Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatBot.dll"));
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = start };
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Runs the bot to its end with nothing on standard input; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        await using var bot = Start(args, environment);
        bot.CloseInput();
        var exitCode = await bot.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(60));
        return (exitCode, bot.Output);
    }

    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits up to 60 s until <paramref name="done"/> holds, failing if it never does or the process ends first.</summary>
    public async Task WaitUntilAsync(Func<bool> done, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (!done() && !_process.HasExited && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(done(), $"timed out or exited waiting for {what}: {Output}");
    }

    /// <summary>Waits for the process to end and for the last of its output; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The bot did not exit within {timeout}: {Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL (on Unix): no shutdown code runs, as when the machine loses power or the OOM killer strikes.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }
}
