using ChatBot.Cli;
using Spectre.Console;

namespace ChatBot.Console;

/// <summary>One category's logger for <see cref="TerminalLoggerProvider"/>: warnings and errors, one line each.</summary>
internal sealed class TerminalLogger(IAnsiConsole console, string logFolder) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel is >= LogLevel.Warning and < LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        if (exception is not null)
        {
            message += $" ({exception.GetBaseException().Message}; details in {logFolder})";
        }

        if (logLevel == LogLevel.Warning)
        {
            ConsoleLines.Warning(console, "warning:", message);
        }
        else
        {
            ConsoleLines.Error(console, "error:", message);
        }
    }
}
