using ChatBot.Console;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Spectre.Console;

namespace ChatBot.Hosting;

/// <summary>
/// Where the bot's logs go in console mode: every message to a file a day in the data directory
/// (<c>logs/chatbot-yyyyMMdd.log</c>, the last 31 kept, written by Serilog's file sink), and only warnings and
/// errors to the terminal, one line each, so the prompt is the first thing a newcomer sees. On a server (a chat
/// platform configured, or headless) the logs go to standard output as usual, for the container's log.
/// </summary>
internal static class BotLogging
{
    public const string Folder = "logs";

    private const string Template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Routes the logs of a console-mode bot; returns the folder of the log files.</summary>
    public static string ToFileAndTerminal(IHostApplicationBuilder builder, IAnsiConsole console, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var folder = Path.Combine(dataDirectory, Folder);
        var file = new LoggerConfiguration()
            // The level rules of Logging:LogLevel decide what is logged; the file takes all of it.
            .MinimumLevel.Verbose()
            .WriteTo.File(
                Path.Combine(folder, "chatbot-.log"),
                restrictedToMinimumLevel: LogEventLevel.Verbose,
                outputTemplate: Template,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
        builder.Logging.ClearProviders();
        // The provider itself rather than AddSerilog, which adds a rule letting every level through to Serilog; made by
        // the container, so it is disposed (and the file closed) when the host is.
        builder.Services.AddSingleton<ILoggerProvider>(_ => new SerilogLoggerProvider(file, dispose: true));
        builder.Logging.AddProvider(new TerminalLoggerProvider(console, folder));
        return folder;
    }
}
