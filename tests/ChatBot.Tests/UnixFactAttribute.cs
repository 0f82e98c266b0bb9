namespace ChatBot.Tests;

/// <summary>A fact about Unix file modes: runs on Linux and macOS, reported as skipped on Windows (see <see cref="LinuxFactAttribute"/>).</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes only";
        }
    }
}
