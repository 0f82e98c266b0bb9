using Microsoft.Extensions.Logging;

namespace ChatBot.Embeddings;

/// <summary>Every log message of ChatBot.Embeddings, source-generated (event ids 6000-6099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Embedding model {Model} loaded in {Milliseconds} ms ({Threads} threads, {MaxTokens} tokens per text)")]
    public static partial void ModelLoaded(ILogger logger, string model, long milliseconds, int threads, int maxTokens);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "Embedding model {Model} could not load; search runs on keywords alone: {Reason}")]
    public static partial void ModelFailed(ILogger logger, string model, string reason, Exception exception);
}
