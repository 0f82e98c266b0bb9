using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Xunit;

namespace ChatBot.Testing;

/// <summary>
/// The built bot (<c>ChatBot.dll</c>, copied beside the tests or the benchmark by their project reference) run as a
/// child process by the same <c>dotnet</c>, as a user or a container runs it: its own environment, standard input,
/// output and error redirected (so not a terminal). What it prints is collected as it comes, in memory or, for a long
/// run, in a log file. <see cref="StopAsync"/> sends SIGTERM as <c>docker stop</c> does; disposing kills it if it
/// still runs, and so does this program's own exit.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StreamWriter? _log;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotProcess(Process process, StreamWriter? log)
    {
        _process = process;
        _log = log;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>The path of the bot beside this program.</summary>
    public static string BotPath => Path.Combine(AppContext.BaseDirectory, "ChatBot.dll");

    public Process Process => _process;

    public bool HasExited => _process.HasExited;

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Standard output and standard error so far, interleaved as they arrived (empty when they go to a log file).</summary>
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

    /// <summary>
    /// Starts <c>dotnet ChatBot.dll ARGS</c>. The child inherits this process's environment (tests that start one
    /// belong to the tests' <c>ProcessEnvironment</c> collection) plus <paramref name="environment"/>; a null value
    /// removes a variable. With <paramref name="logFile"/>, what it prints is appended there instead of kept in memory.
    /// </summary>
    public static BotProcess Start(
        IEnumerable<string> args,
        IEnumerable<KeyValuePair<string, string?>>? environment = null,
        string? workingDirectory = null,
        string? logFile = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.ArgumentList.Add(BotPath);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? [])
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

        var log = logFile is null ? null : new StreamWriter(logFile, append: true, Encoding.UTF8) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(process, log);
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.Exited += (_, _) => bot._exited.TrySetResult(process.ExitCode);
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
        // A process that has ended will never get there: stop waiting at once and say so.
        await Poll.UntilAsync(() => Task.FromResult(done() || _process.HasExited), TimeSpan.FromSeconds(60), () => $"{what}: {Output}");
        Assert.True(done(), $"exited waiting for {what}: {Output}");
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

    /// <summary>SIGTERM, then up to <paramref name="patience"/> for a clean exit; the exit code, or null when it had to be killed.</summary>
    public async Task<int?> StopAsync(TimeSpan patience)
    {
        if (!HasExited)
        {
            Terminate();
        }

        var finished = await Task.WhenAny(Exited, Task.Delay(patience));
        if (finished == Exited)
        {
            await _process.WaitForExitAsync();
            return await Exited;
        }

        KillQuietly();
        return null;
    }

    /// <summary>SIGKILL (on Unix): no shutdown code runs, as when the machine loses power or the OOM killer strikes.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (!_process.HasExited)
        {
            KillQuietly();
            await Task.WhenAny(_process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(5)));
        }

        _process.Dispose();
        lock (_gate)
        {
            _log?.Dispose();
        }
    }

    /// <summary>The <c>dotnet</c> running this program (the host of the shared runtime), or the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/; the host is <root>/dotnet.
        var runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(runtime)));
        var host = root is null ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return host is not null && File.Exists(host) ? host : "dotnet";
    }

    private void Terminate()
    {
        if (OperatingSystem.IsWindows())
        {
            KillQuietly();
            return;
        }

        // SIGTERM: the host's graceful shutdown, as docker stop or systemd would.
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false });
        kill?.WaitForExit(5000);
    }

    /// <summary>Never leaves the bot behind when this program is stopped (Ctrl+C, SIGTERM, a CI timeout) before disposing it.</summary>
    private void KillOnExit(object? sender, EventArgs e) => KillQuietly();

    private void KillQuietly()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_log is null)
            {
                _output.AppendLine(line);
                return;
            }

            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The last lines of a process being disposed.
            }
        }
    }
}
