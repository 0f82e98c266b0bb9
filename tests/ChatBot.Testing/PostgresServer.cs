using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Xunit;

namespace ChatBot.Testing;

/// <summary>
/// A real PostgreSQL server for the tests of one assembly (an xunit collection fixture, <see cref="PostgresTests"/>):
/// <c>initdb</c> into a temp folder, <c>pg_ctl start</c> on a free loopback port with no Unix socket, stopped and
/// deleted at the end. The server refuses to run as root, so as root it runs as the <c>postgres</c> user
/// (<c>runuser</c>) in a folder that user owns, under a temp path it can traverse. Durability is off (fsync,
/// synchronous commit): a test server that loses its data on a crash loses nothing. Each test gets a database of
/// its own from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string ServerUser = "postgres";
    private const int StartAttempts = 4;
    private const string OwnerFile = "owner.pid";

    private string? _root;
    private string? _dataDirectory;
    private NpgsqlDataSource? _admin;
    private int _stopped;

    /// <summary>The loopback port the server listens on (0 before it started).</summary>
    public int Port { get; private set; }

    /// <summary>False when the binaries are absent and not required: every PostgreSQL test is skipped then.</summary>
    public bool IsRunning => _admin is not null;

    public async Task InitializeAsync()
    {
        if (PostgresBinaries.Directory is not { } bin)
        {
            if (PostgresBinaries.Required)
            {
                throw new InvalidOperationException(
                    $"{PostgresBinaries.RequireVariable}=1 but no PostgreSQL server programs were found (pg_config --bindir, /usr/lib/postgresql/N/bin). Install Debian's postgresql package.");
            }

            return;
        }

        _root = CreateRoot();
        StopAbandoned(bin, Path.GetDirectoryName(_root)!);
        await File.WriteAllTextAsync(Path.Combine(_root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        _dataDirectory = Path.Combine(_root, "data");
        await RunAsync(bin, "initdb", ["-D", _dataDirectory, "-U", ServerUser, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
        Port = await StartAsync(bin);
        _admin = NpgsqlDataSource.Create(ConnectionString("postgres"));
    }

    /// <summary>A connection string for <paramref name="database"/> on this server (trust authentication: no password).</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = ServerUser,
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>A new empty database, dropped (with whatever still connects to it) when disposed.</summary>
    public async Task<PostgresTestDatabase> CreateDatabaseAsync()
    {
        var admin = _admin ?? throw new InvalidOperationException(PostgresBinaries.InstallHint);
        var name = "chatbot_" + Guid.NewGuid().ToString("N")[..16];
        await using (var create = admin.CreateCommand($"CREATE DATABASE {name}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresTestDatabase(name, ConnectionString(name), async () =>
        {
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
        });
    }

    public async Task DisposeAsync()
    {
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }

        Stop();
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        if (_root is not null)
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A file the dying server still held; the OS temp cleaner takes it.
            }
        }
    }

    private async Task<int> StartAsync(string bin)
    {
        var log = Path.Combine(_root!, "server.log");
        for (var attempt = 1; ; attempt++)
        {
            // The probe frees the port before the server binds it, so another process can take it in between: try another.
            var port = LoopbackPort.Free();
            var options = string.Join(' ',
                "-p " + port.ToString(CultureInfo.InvariantCulture),
                "-c listen_addresses=127.0.0.1",
                "-c unix_socket_directories=''",
                "-c max_connections=300",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off");
            var (exitCode, output) = await TryRunAsync(bin, "pg_ctl", ["-D", _dataDirectory!, "-l", log, "-w", "-t", "60", "-o", options, "start"]);
            if (exitCode == 0)
            {
                return port;
            }

            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
            if (attempt == StartAttempts || !serverLog.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"PostgreSQL did not start (pg_ctl exit code {exitCode}): {output}\n{serverLog}");
            }
        }
    }

    private void StopOnExit(object? sender, EventArgs e) => Stop();

    private void Stop()
    {
        if (_dataDirectory is null || PostgresBinaries.Directory is not { } bin || Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        // Immediate: the data is thrown away next, so there is nothing to flush.
        TryRunAsync(bin, "pg_ctl", ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Servers left by test runs that were killed before they could stop them (their owner process is gone):
    /// stopped and deleted, so they do not pile up on a developer's machine.
    /// </summary>
    private static void StopAbandoned(string bin, string parent)
    {
        foreach (var folder in Directory.GetDirectories(parent, "postgres-*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), CultureInfo.InvariantCulture, out var pid) || IsAlive(pid))
            {
                continue;
            }

            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                TryRunAsync(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Another run is cleaning it up at the same moment.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// A fresh folder the server's user owns. As root that is <c>postgres</c>, which needs every parent folder to be
    /// traversable: the system temp path if it is (it usually is: /tmp), else /tmp.
    /// </summary>
    private static string CreateRoot()
    {
        var asRoot = Environment.IsPrivilegedProcess;
        var parent = new[] { Path.GetTempPath(), "/tmp" }
            .Select(path => Path.Combine(path, "chatbot-tests"))
            .First(path => !asRoot || OthersCanTraverse(Path.GetDirectoryName(path)!));
        Directory.CreateDirectory(parent);
        var root = Path.Combine(parent, "postgres-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        if (asRoot)
        {
            if (!OperatingSystem.IsWindows())
            {
                // The shared chatbot-tests folder may have been made with a strict umask.
                File.SetUnixFileMode(parent, File.GetUnixFileMode(parent) | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
            }

            Execute("chown", [$"{ServerUser}:", root]);
        }

        return root;
    }

    private static bool OthersCanTraverse(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        for (var directory = new DirectoryInfo(path); directory is not null; directory = directory.Parent)
        {
            if (!directory.Exists || (directory.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task RunAsync(string bin, string program, IReadOnlyList<string> args)
    {
        var (exitCode, output) = await TryRunAsync(bin, program, args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed (exit code {exitCode}): {output}");
        }
    }

    /// <summary>Runs a server program, as the <c>postgres</c> user when this process is root (the programs refuse root).</summary>
    private static async Task<(int ExitCode, string Output)> TryRunAsync(string bin, string program, IReadOnlyList<string> args)
    {
        var path = Path.Combine(bin, program);
        var start = Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("runuser", ["-u", ServerUser, "--", path, .. args])
            : new ProcessStartInfo(path, args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        // pg_ctl start sends the server's output to its -l log file, so the server does not hold these pipes open.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = (await output) + (await error);
        return (process.ExitCode, text.Trim());
    }

    private static void Execute(string program, IReadOnlyList<string> args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{program} did not start.");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        }
    }
}
