namespace ChatBot.Tests;

/// <summary>
/// A fact that runs on Linux only and is reported as skipped elsewhere. xunit 2 has no skip from inside a test
/// (that is xunit v3's <c>Assert.Skip</c>); its discoverer reads <see cref="FactAttribute.Skip"/> from the attribute
/// instance, so setting it in the constructor skips for real.
/// </summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Linux only";
        }
    }
}
