using Xunit;

namespace ChatBot.Testing;

/// <summary>A fact about Unix file modes: runs on Linux and macOS, reported as skipped on Windows (see <see cref="LinuxFactAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
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
