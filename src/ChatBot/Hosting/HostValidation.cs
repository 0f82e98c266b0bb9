using Microsoft.Extensions.Options;

namespace ChatBot.Hosting;

/// <summary>Runs the options validation that <c>ValidateOnStart</c> runs, for verbs that never start the host.</summary>
internal static class HostValidation
{
    public static void Validate(IServiceProvider services) =>
        services.GetService<IStartupValidator>()?.Validate();
}
