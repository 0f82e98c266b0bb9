using Microsoft.Extensions.Logging;

namespace ChatBot.Storage.Postgres;

/// <summary>Every log message of ChatBot.Storage.Postgres, source-generated. Event ids 2100-2199. None names a password.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "PostgreSQL schema of {Database} migrated from version {From} to {To}")]
    public static partial void SchemaMigrated(ILogger logger, string database, int from, int to);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "PostgreSQL schema of {Database} is current (version {Version})")]
    public static partial void SchemaCurrent(ILogger logger, string database, int version);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Information, Message = "Listening for papers stored by any process (PostgreSQL channel {Channel})")]
    public static partial void PaperChangesListening(ILogger logger, string channel);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "The PostgreSQL connection listening for stored papers failed; the index polls until it reconnects in {Delay}: {Error}")]
    public static partial void PaperChangesListenFailed(ILogger logger, TimeSpan delay, string error);
}
