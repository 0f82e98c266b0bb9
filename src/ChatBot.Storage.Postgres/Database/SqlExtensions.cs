using Npgsql;

namespace ChatBot.Storage.Postgres.Database;

/// <summary>Typed parameters (a null is sent as the column's type) and nullable reads, so the stores read as SQL.</summary>
internal static class SqlExtensions
{
    public static NpgsqlCommand With<T>(this NpgsqlCommand command, string name, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T>(name, value));
        return command;
    }

    public static string? NullableString(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? NullableInt(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static DateTimeOffset? NullableTicks(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromTicks(reader.GetInt64(ordinal));

    public static DateTimeOffset Ticks(this NpgsqlDataReader reader, int ordinal) => FromTicks(reader.GetInt64(ordinal));

    public static long? ToTicks(this DateTimeOffset? value) => value?.UtcTicks;

    private static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);
}
