using System.Diagnostics;

namespace ChatBot.Testing;

/// <summary>
/// Where the PostgreSQL server programs are (<c>initdb</c>, <c>pg_ctl</c>): the folder <c>pg_config --bindir</c> names,
/// else the newest Debian <c>/usr/lib/postgresql/N/bin</c>. Absent, the PostgreSQL tests are skipped on a developer's
/// machine, but fail where <c>CHATBOT_REQUIRE_POSTGRES=1</c> (CI), so a missing install can never pass as green.
/// </summary>
public static class PostgresBinaries
{
    public const string RequireVariable = "CHATBOT_REQUIRE_POSTGRES";

    public const string InstallHint =
        "PostgreSQL is not installed, so the PostgreSQL tests are skipped. To run them install the server " +
        "(Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql@15) so that pg_config --bindir names a folder with initdb and pg_ctl. " +
        "CI sets " + RequireVariable + "=1, where a missing server fails instead.";

    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The folder holding <c>initdb</c> and <c>pg_ctl</c>, or null when there is none.</summary>
    public static string? Directory => Found.Value;

    /// <summary>True when the environment demands the PostgreSQL tests run (<c>CHATBOT_REQUIRE_POSTGRES=1</c>).</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) is "1" or "true";

    /// <summary>Why PostgreSQL tests are skipped here, or null when they run (the binaries exist, or they are required).</summary>
    public static string? SkipReason => Directory is null && !Required ? InstallHint : null;

    private static string? Find()
    {
        if (FromPgConfig() is { } bin && HasServer(bin))
        {
            return bin;
        }

        // pg_config can come from libpq-dev alone (no server beside it); Debian keeps each server version's programs here.
        const string debian = "/usr/lib/postgresql";
        return System.IO.Directory.Exists(debian)
            ? System.IO.Directory.GetDirectories(debian)
                .Select(version => Path.Combine(version, "bin"))
                .Where(HasServer)
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    private static bool HasServer(string bin) => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl"));

    private static string? FromPgConfig()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", ["--bindir"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no pg_config on PATH
        }
    }
}
