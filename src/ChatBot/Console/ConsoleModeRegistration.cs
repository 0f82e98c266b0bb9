using ChatBot.Core.Storage;
using ChatBot.Hosting;
using Spectre.Console;

namespace ChatBot.Console;

internal static class ConsoleModeRegistration
{
    /// <summary>
    /// With no Discord or Slack credential the bot talks through the console: the REPL runs on the terminal and the
    /// logs go to a file a day in the data directory (warnings and errors also to the terminal). With the console
    /// off as well (<c>Console:Enabled</c> false) the bot runs headless and says so at start. With a platform
    /// configured nothing changes.
    /// </summary>
    public static IHostApplicationBuilder AddConsoleMode(this IHostApplicationBuilder builder, IAnsiConsole console)
    {
        if (!ConsoleRegistration.NoChatPlatformConfigured(builder.Configuration))
        {
            return builder;
        }

        if (!builder.Configuration.GetValue($"{ConsoleOptions.SectionName}:{nameof(ConsoleOptions.Enabled)}", true))
        {
            builder.Services.AddHostedService<HeadlessNotice>();
            return builder;
        }

        if (StorageSettings(builder.Configuration) is { } storage)
        {
            BotLogging.ToFileAndTerminal(builder, console, DataDirectory.Ensure(storage));
        }

        builder.Services.AddHostedService<ConsoleRepl>();
        return builder;
    }

    /// <summary>The storage settings as far as they can be read before the host is built; null when no folder is named (validation says so).</summary>
    private static StorageOptions? StorageSettings(IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        return string.IsNullOrWhiteSpace(storage.DataDirectory) ? null : storage;
    }
}
