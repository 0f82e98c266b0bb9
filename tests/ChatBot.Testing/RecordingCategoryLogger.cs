using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing;

/// <summary>One category's logger of a <see cref="RecordingLoggerProvider"/>.</summary>
internal sealed class RecordingCategoryLogger(string category, ConcurrentQueue<(string Category, LogEntry Entry)> entries) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        entries.Enqueue((category, new LogEntry(logLevel, eventId, formatter(state, exception), exception)));
    }
}
