using ChatBot.Testing;
using Npgsql;

namespace ChatBot.Storage.Tests.Postgres;

/// <summary>The test server itself: on loopback, one database per test, each dropped when the test is done.</summary>
[Collection(PostgresTests.Collection)]
public sealed class PostgresServerTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Each_database_is_empty_separate_and_dropped_on_dispose()
    {
        string name;
        await using (var first = await server.CreateDatabaseAsync())
        await using (var second = await server.CreateDatabaseAsync())
        {
            name = first.Name;
            Assert.NotEqual(first.Name, second.Name);
            await using var connection = new NpgsqlConnection(first.ConnectionString);
            await connection.OpenAsync();
            await using (var create = new NpgsqlCommand("CREATE TABLE marker (id int)", connection))
            {
                await create.ExecuteNonQueryAsync();
            }

            await using var other = new NpgsqlConnection(second.ConnectionString);
            await other.OpenAsync();
            await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", other);
            Assert.Equal(0L, await tables.ExecuteScalarAsync());
            Assert.Equal("127.0.0.1", connection.Host);
            Assert.Equal(server.Port, connection.Port);
        }

        await using var admin = new NpgsqlConnection(server.ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", name);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
    }
}
