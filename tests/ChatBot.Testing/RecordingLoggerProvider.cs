using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing;

/// <summary>Records what every logger of a service provider logs, at every level, with its category.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogEntry Entry)> _entries = new();

    public IReadOnlyList<(string Category, LogEntry Entry)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new RecordingCategoryLogger(categoryName, _entries);

    public void Dispose()
    {
    }
}
