using System.Runtime.InteropServices;
using ChatBot.Core.Telemetry;

namespace ChatBot.Core.Doctor;

/// <summary>
/// Doctor: the .NET runtime and the garbage collector the bot runs on, so an operator can see that a collector chosen
/// by <c>DOTNET_GCName</c> (docs/configuration.md) took effect. Informational: every collector works.
/// </summary>
internal sealed class RuntimeCheck : IDoctorCheck
{
    public string Name => "Runtime";

    public Task<CheckResult?> RunAsync(CancellationToken cancellationToken) =>
        Task.FromResult<CheckResult?>(CheckResult.Pass(
            Name, $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.RuntimeIdentifier}; garbage collector: {GarbageCollectorInfo.Describe()}"));
}
