using ChatBot.Core;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatBot.Storage.Postgres.Database;

/// <summary>
/// The PostgreSQL database every store of the process shares: one pooled <see cref="NpgsqlDataSource"/>, and the
/// schema brought up to date before the first statement (<see cref="PostgresSchema"/>). Several processes may start
/// at once: each migrates under one advisory lock, so the first applies the steps and the others find them applied.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    public PostgresDatabase(IOptions<StorageOptions> options, ILogger<PostgresDatabase> logger)
        : this(Parse(options), logger)
    {
    }

    internal PostgresDatabase(string connectionString, ILogger? logger = null)
        : this(Parse(connectionString), logger ?? NullLogger.Instance)
    {
    }

    private PostgresDatabase(NpgsqlConnectionStringBuilder connectionString, ILogger logger)
    {
        Description = PostgresConnectionString.Describe(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _logger = logger;
    }

    /// <summary><c>host:port/database as user</c>, never the password.</summary>
    public string Description { get; }

    /// <summary>An open pooled connection, once the schema is current. Dispose it to return it to the pool.</summary>
    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction (read committed), committed when it returns, rolled back when it throws.</summary>
    internal async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>The schema version stored, without migrating (0 when the database has no schema yet): for the doctor.</summary>
    internal async Task<int> ReadSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // Two statements: one naming schema_version fails to plan while the table does not exist.
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return 0;
            }
        }

        await using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _dataSource.Dispose();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migration.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                // A failure (the server is down) is not remembered: the next call tries again.
                await MigrateAsync(cancellationToken);
                _migrated = true;
            }
        }
        finally
        {
            _migration.Release();
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Held to the end of this transaction: a second process starting now waits here, then finds the steps applied.
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresSchema.MigrationLockKey})", cancellationToken);
        await ExecuteAsync(connection, transaction, PostgresSchema.VersionTable, cancellationToken);
        await using var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection, transaction);
        var current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (current > PostgresSchema.Latest)
        {
            throw new ChatBotException(
                $"The PostgreSQL database {Description} has schema version {current}, newer than this ChatBot knows ({PostgresSchema.Latest}): run the newer version, or restore a backup taken before it ran.");
        }

        foreach (var step in PostgresSchema.Steps.Where(s => s.Version > current))
        {
            await ExecuteAsync(connection, transaction, step.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, description) VALUES (@version, @description)", connection, transaction);
            record.Parameters.AddWithValue("version", step.Version);
            record.Parameters.AddWithValue("description", step.Description);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (current < PostgresSchema.Latest)
        {
            Log.SchemaMigrated(_logger, Description, current, PostgresSchema.Latest);
        }
        else
        {
            Log.SchemaCurrent(_logger, Description, current);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlConnectionStringBuilder Parse(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Parse(options.Value.ConnectionString);
    }

    private static NpgsqlConnectionStringBuilder Parse(string? connectionString) =>
        PostgresConnectionString.TryParse(connectionString, out var builder, out var error) ? builder : throw new ChatBotException(error);
}
