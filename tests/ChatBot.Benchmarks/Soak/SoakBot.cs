using ChatBot.Core;
using ChatBot.Testing;

namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// The real bot for the soak: a <see cref="BotProcess"/> in the soak's folder, on settings given as environment
/// variables (none inherited that could point it elsewhere), its console appended to a log file.
/// </summary>
internal static class SoakBot
{
    /// <summary>Inherited settings that could point the bot elsewhere; the soak sets its own.</summary>
    private static readonly string[] InheritedPrefixes = ["Discord__", "Slack__", "Storage__", "Sources__", "Urls", "ASPNETCORE_", "Console__", "Logging__"];

    /// <summary>Starts <c>ChatBot.dll</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static BotProcess Start(IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>> settings, string workingDirectory, string logFile)
    {
        if (!File.Exists(BotProcess.BotPath))
        {
            throw new ChatBotException($"The bot is not beside the benchmark ({BotProcess.BotPath}); build tests/ChatBot.Benchmarks again.");
        }

        var inherited = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => InheritedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .Select(k => new KeyValuePair<string, string?>(k, null));
        var environment = inherited.Concat(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).ToList();
        return BotProcess.Start(arguments, environment, workingDirectory, logFile);
    }

    /// <summary>Runs <c>ChatBot.dll</c> to its end (a verb such as <c>import</c>) and returns its exit code, or null past <paramref name="timeout"/>.</summary>
    public static async Task<int?> RunAsync(IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>> settings, string workingDirectory, string logFile, TimeSpan timeout)
    {
        await using var verb = Start(arguments, settings, workingDirectory, logFile);
        var finished = await Task.WhenAny(verb.Exited, Task.Delay(timeout));
        return finished == verb.Exited ? await verb.Exited : null;
    }
}
