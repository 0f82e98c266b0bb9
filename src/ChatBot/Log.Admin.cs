namespace ChatBot;

/// <summary>The admin endpoints' log messages (40-49). None of them carries the token.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Admin endpoints at {Url}; the backup command finds them through {InstanceFile}")]
    public static partial void InstanceAnnounced(ILogger logger, Uri url, string instanceFile);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Could not write {InstanceFile}: the backup command cannot reach this bot while it runs")]
    public static partial void InstanceFileNotWritten(ILogger logger, string instanceFile, Exception exception);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "Could not delete {InstanceFile}; it is stale now and ignored once the database is free")]
    public static partial void InstanceFileNotDeleted(ILogger logger, string instanceFile, Exception exception);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning, Message = "The admin listener is not among the addresses Kestrel listens on; backups need the bot stopped")]
    public static partial void NoAdminAddress(ILogger logger);

    [LoggerMessage(EventId = 44, Level = LogLevel.Warning, Message = "Admin request {Path} from {Remote} refused: not loopback, or no valid token")]
    public static partial void AdminRequestRefused(ILogger logger, string path, string remote);
}
