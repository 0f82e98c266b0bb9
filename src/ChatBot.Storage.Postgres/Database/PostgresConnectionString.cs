using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace ChatBot.Storage.Postgres.Database;

/// <summary>Reads <c>Storage:ConnectionString</c>, and says which server it names without ever showing its password.</summary>
internal static class PostgresConnectionString
{
    public const string Example = "Host=db;Port=5432;Database=chatbot;Username=chatbot;Password=… (the password from the environment: Storage__ConnectionString)";

    /// <summary>The parsed string, or a one-line error that names the setting and never repeats the string.</summary>
    public static bool TryParse(string? connectionString, [NotNullWhen(true)] out NpgsqlConnectionStringBuilder? builder, [NotNullWhen(false)] out string? error)
    {
        builder = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = $"Storage:ConnectionString must be set when Storage:Provider is postgres, e.g. {Example}.";
            return false;
        }

        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // Npgsql's message can quote the offending value, which may be the password: name the shape only.
            error = $"Storage:ConnectionString is not an Npgsql connection string (an unknown keyword or a value of the wrong kind); expected e.g. {Example}.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            builder = null;
            error = $"Storage:ConnectionString names no Host; expected e.g. {Example}.";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary><c>host:port/database as user</c>: what logs and the doctor may show.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username} as {builder.Username ?? "(default user)"}";
}
