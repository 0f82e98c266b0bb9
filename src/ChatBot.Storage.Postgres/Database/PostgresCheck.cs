using System.Globalization;
using ChatBot.Core.Doctor;
using Npgsql;

namespace ChatBot.Storage.Postgres.Database;

/// <summary>
/// Doctor: the PostgreSQL server answers and its schema is one this bot can use. It only reads (the schema
/// version), never migrates: the bot's start does that. Shows host, port, database and user, never the password.
/// </summary>
internal sealed class PostgresCheck(PostgresDatabase database) : IDoctorCheck
{
    public string Name => "Database";

    public async Task<CheckResult?> RunAsync(CancellationToken cancellationToken)
    {
        int version;
        try
        {
            version = await database.ReadSchemaVersionAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return CheckResult.Fail(
                Name,
                $"PostgreSQL at {database.Description} cannot be reached: {e.Message}",
                "Check Storage:ConnectionString (host, port, database, user, password) and that the server accepts connections from this machine.");
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"PostgreSQL at {database.Description}, schema version {version}");
        if (version > PostgresSchema.Latest)
        {
            return CheckResult.Fail(
                Name,
                string.Create(CultureInfo.InvariantCulture, $"{detail}, newer than this ChatBot knows ({PostgresSchema.Latest})"),
                "Run the ChatBot version that wrote it (or newer).");
        }

        return version < PostgresSchema.Latest
            ? CheckResult.Warning(
                Name,
                string.Create(CultureInfo.InvariantCulture, $"{detail} (current is {PostgresSchema.Latest})"),
                "Nothing to do: the bot migrates the schema when it starts.")
            : CheckResult.Pass(Name, detail);
    }
}
