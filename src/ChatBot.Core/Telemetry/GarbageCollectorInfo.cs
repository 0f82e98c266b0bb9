using System.Diagnostics;
using System.Runtime;

namespace ChatBot.Core.Telemetry;

/// <summary>
/// Which garbage collector this process runs, as the doctor reports it and the benchmark records it: server or
/// workstation, background or not, and whether the runtime's own collector (regions, the default on 64-bit since .NET 7)
/// or a standalone one it loaded by <c>DOTNET_GCName</c> or <c>System.GC.Name</c> (<c>libclrgc.so</c>: segments).
/// </summary>
public static class GarbageCollectorInfo
{
    // The runtime's standalone collectors, by file name without extension (Windows, then Linux and macOS).
    private static readonly HashSet<string> StandaloneCollectors =
        new(["clrgc", "libclrgc", "clrgcexp", "libclrgcexp"], StringComparer.OrdinalIgnoreCase);

    /// <summary>For example <c>workstation, background, segments (libclrgc.so)</c>.</summary>
    public static string Describe()
    {
        var kind = GCSettings.IsServerGC ? "server" : "workstation";
        var background = GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "background";
        string heap;
        try
        {
            using var process = Process.GetCurrentProcess();
            heap = Heap(process.Modules.Cast<ProcessModule>().Select(m => m.ModuleName));
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            // A platform that does not list a process's modules: say so rather than guess.
            heap = "heap layout unknown";
        }

        return $"{kind}, {background}, {heap}";
    }

    /// <summary>
    /// The heap's layout, from the native libraries the process loaded: a standalone collector (<c>clrgc</c>,
    /// <c>libclrgc.so</c>, <c>libclrgc.dylib</c> hold segments; the <c>clrgcexp</c> ones regions) or the runtime's own.
    /// </summary>
    public static string Heap(IEnumerable<string> moduleNames)
    {
        ArgumentNullException.ThrowIfNull(moduleNames);
        var standalone = moduleNames.FirstOrDefault(IsStandaloneCollector);
        return standalone switch
        {
            null => "regions",
            _ when standalone.Contains("clrgcexp", StringComparison.OrdinalIgnoreCase) => $"regions ({standalone})",
            _ => $"segments ({standalone})",
        };
    }

    private static bool IsStandaloneCollector(string name) => StandaloneCollectors.Contains(Path.GetFileNameWithoutExtension(name));
}
