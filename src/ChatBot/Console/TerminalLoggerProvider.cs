using System.Collections.Concurrent;
using Spectre.Console;

namespace ChatBot.Console;

/// <summary>
/// In console mode, what the terminal shows of the logs: warnings and errors only, one line each (the exception's
/// message, no stack), above the prompt. Everything, stacks included, goes to the log file (<see cref="Hosting.BotLogging"/>).
/// </summary>
[ProviderAlias("Terminal")]
internal sealed class TerminalLoggerProvider(IAnsiConsole console, string logFolder) : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, TerminalLogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, _ => new TerminalLogger(console, logFolder));

    public void Dispose()
    {
    }
}
