using Microsoft.Extensions.Logging;

namespace ChatBot.Testing;

public sealed record LogEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception);
