using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing;

/// <summary>Records what every logger of a service provider logs, at every level, with its category.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogEntry Entry)> _entries = new();

    public IReadOnlyList<(string Category, LogEntry Entry)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CategoryLogger(string category, ConcurrentQueue<(string, LogEntry)> entries) : ILogger
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
}
