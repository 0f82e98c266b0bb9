using System.Diagnostics;

namespace ChatBot.Testing;

/// <summary>Makes the special files that tests of hostile inboxes and targets need (Linux; see <see cref="LinuxFactAttribute"/>).</summary>
public static class UnixFiles
{
    /// <summary>A named pipe at <paramref name="path"/>, made with <c>mkfifo</c>: opening it to read waits for a writer.</summary>
    public static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("mkfifo did not start.");
        var error = mkfifo.StandardError.ReadToEnd();
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0)
        {
            throw new InvalidOperationException($"mkfifo {path} failed ({mkfifo.ExitCode}): {error}");
        }
    }
}
