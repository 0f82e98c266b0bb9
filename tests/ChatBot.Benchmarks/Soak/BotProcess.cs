using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// The real bot (<c>ChatBot.dll</c>, copied beside the benchmark by its project reference) as a child process, run by the
/// same <c>dotnet</c> with its own runtime settings (server GC), on settings given as environment variables. Its
/// console goes to a log file. <see cref="StopAsync"/> sends SIGTERM, as <c>docker stop</c> does, and kills it only if
/// it does not exit in time.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    /// <summary>Inherited settings that could point the bot elsewhere; the soak sets its own.</summary>
    private static readonly string[] InheritedPrefixes = ["Discord__", "Slack__", "Storage__", "Sources__", "Urls", "ASPNETCORE_", "Console__", "Logging__"];

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logGate = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public Process Process => _process;

    public bool HasExited => _exited.Task.IsCompleted;

    public Task<int> Exited => _exited.Task;

    /// <summary>Starts <c>ChatBot.dll</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static BotProcess Start(IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>> settings, string workingDirectory, string logFile)
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "ChatBot.dll");
        if (!File.Exists(bot))
        {
            throw new Core.ChatBotException($"The bot is not beside the benchmark ({bot}); build tests/ChatBot.Benchmarks again.");
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(bot);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => InheritedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var log = new StreamWriter(logFile, append: true, Encoding.UTF8) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new BotProcess(process, log);
        process.OutputDataReceived += (_, line) => child.Write(line.Data);
        process.ErrorDataReceived += (_, line) => child.Write(line.Data);
        process.Exited += (_, _) => child._exited.TrySetResult(process.ExitCode);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs <c>ChatBot.dll</c> to its end (a verb such as <c>import</c>) and returns its exit code, or null past <paramref name="timeout"/>.</summary>
    public static async Task<int?> RunAsync(IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>> settings, string workingDirectory, string logFile, TimeSpan timeout)
    {
        await using var verb = Start(arguments, settings, workingDirectory, logFile);
        var finished = await Task.WhenAny(verb.Exited, Task.Delay(timeout));
        return finished == verb.Exited ? await verb.Exited : null;
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

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (!HasExited)
        {
            KillQuietly();
            await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(5)));
        }

        _process.Dispose();
        lock (_logGate)
        {
            _log.Dispose();
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
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false });
        kill?.WaitForExit(5000);
    }

    /// <summary>Never leaves the bot behind: when this program is stopped (Ctrl+C, SIGTERM, a CI timeout) before disposing it.</summary>
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

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
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
