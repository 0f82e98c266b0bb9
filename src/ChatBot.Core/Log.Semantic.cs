using ChatBot.Core.Semantic;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core;

internal static partial class Log
{
    // Search by meaning (1700-1799)

    [LoggerMessage(EventId = 1700, Level = LogLevel.Information, Message = "Paper vectors: {Reason}, embedding changes from revision {From} to {To}")]
    public static partial void VectorsCatchingUp(ILogger logger, VectorSyncReason reason, long from, long to);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Warning, Message = "Paper vectors were made by {Stored}, not {Current}: every paper is embedded again")]
    public static partial void VectorModelChanged(ILogger logger, string stored, string current);
}
