using Xunit;

namespace ChatBot.Testing;

/// <summary>
/// A fact that needs Linux (FIFOs, <c>/dev/zero</c>, POSIX links and modes): elsewhere it is reported as skipped,
/// never as passed. xunit 2 has no <c>Assert.Skip</c> (that came with xunit v3); setting <see cref="FactAttribute.Skip"/>
/// from the constructor is its way to skip at run time.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Needs Linux (FIFOs, devices and symbolic links as Linux has them); CI and the image run Linux.";
        }
    }
}
