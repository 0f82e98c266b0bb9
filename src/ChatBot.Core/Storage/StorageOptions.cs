using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace ChatBot.Core.Storage;

/// <summary>Where the bot keeps its data: the database, the search index, the inbox folder.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The embedded default: one process, one LiteDB file in the data directory.</summary>
    public const string LiteDbProvider = "litedb";

    /// <summary>PostgreSQL at <see cref="ConnectionString"/>, which several processes can share.</summary>
    public const string PostgresProvider = "postgres";

    /// <summary><c>litedb</c> (the default) or <c>postgres</c>. The search index stays in the data directory either way.</summary>
    [RegularExpression("(?i)^(litedb|postgres)$", ErrorMessage = "Storage:Provider must be litedb (the default) or postgres.")]
    public string Provider { get; set; } = LiteDbProvider;

    /// <summary>The Npgsql connection string when <see cref="Provider"/> is <c>postgres</c> (checked by the PostgreSQL stores); secret when it holds a password.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// With <c>postgres</c>: how often this process's search index looks for papers other processes stored
    /// (it catches up by revision; the LiteDB store has one process, whose own ingest updates the index).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Storage:IndexFollowInterval must be between 00:00:01 and 01:00:00, e.g. 00:00:05.")]
    public TimeSpan IndexFollowInterval { get; set; } = TimeSpan.FromSeconds(5);

    public bool UsesPostgres => string.Equals(Provider, PostgresProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether configuration chooses PostgreSQL, for registrations that must decide before options are bound
    /// (a wrong value is reported by validation at start).
    /// </summary>
    public static bool PostgresConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration[$"{SectionName}:{nameof(Provider)}"]?.Trim(), PostgresProvider, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Relative paths resolve against the current directory.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DataDirectory must name a folder, e.g. data.")]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The database file name inside <see cref="DataDirectory"/>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DatabaseFile must name a file, e.g. chatbot.db.")]
    public string DatabaseFile { get; set; } = "chatbot.db";

    public string ResolveDataDirectory() => Path.GetFullPath(DataDirectory);

    /// <summary>A path inside the data directory, or <paramref name="path"/> itself when it is absolute.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(ResolveDataDirectory(), path));
}
