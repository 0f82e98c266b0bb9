using ChatBot.Core.Telemetry;

namespace ChatBot.Core.Tests.Telemetry;

public sealed class GarbageCollectorInfoTests
{
    // The runtime's standalone collectors (docs: "Runtime configuration options for garbage collection", Standalone GC):
    // clrgc holds segments, the pre-.NET 7 layout; clrgcexp holds regions, as the built-in collector does.
    [Theory]
    [InlineData(new[] { "dotnet", "libcoreclr.so", "libclrgc.so" }, "segments (libclrgc.so)")]
    [InlineData(new[] { "coreclr.dll", "clrgc.dll" }, "segments (clrgc.dll)")]
    [InlineData(new[] { "libcoreclr.dylib", "libclrgc.dylib" }, "segments (libclrgc.dylib)")]
    [InlineData(new[] { "libcoreclr.so", "libclrgcexp.so" }, "regions (libclrgcexp.so)")]
    [InlineData(new[] { "dotnet", "libcoreclr.so", "libclrjit.so" }, "regions")]
    [InlineData(new string[0], "regions")]
    public void The_heap_layout_is_read_from_the_collector_the_process_loaded(string[] modules, string expected) =>
        Assert.Equal(expected, GarbageCollectorInfo.Heap(modules));

    [Fact]
    public void A_library_that_only_contains_the_name_is_not_a_collector() =>
        Assert.Equal("regions", GarbageCollectorInfo.Heap(["libclrgc-helper.so", "myclrgc.dll"]));

    [Fact]
    public void This_process_is_described_by_its_kind_and_mode()
    {
        var described = GarbageCollectorInfo.Describe();

        Assert.StartsWith(System.Runtime.GCSettings.IsServerGC ? "server, " : "workstation, ", described, StringComparison.Ordinal);
        Assert.Matches("^(server|workstation), (background|non-concurrent), (segments|regions)", described);
    }
}
