using ChatBot.Core.Doctor;
using ChatBot.Storage.Postgres.Database;
using ChatBot.Storage.Postgres.State;
using ChatBot.Testing;
using Npgsql;

namespace ChatBot.Storage.Tests.Postgres;

/// <summary>The doctor's PostgreSQL row: reachable and current passes, an older schema warns, unreachable fails; it never migrates.</summary>
[Collection(PostgresTests.Collection)]
public sealed class PostgresCheckTests(PostgresServer server)
{
    [PostgresFact]
    public async Task An_empty_database_warns_without_being_migrated_and_a_migrated_one_passes()
    {
        await using var testDatabase = await server.CreateDatabaseAsync();
        await using var database = new PostgresDatabase(testDatabase.ConnectionString + ";Password=hunter2-secret");
        var check = new PostgresCheck(database);

        var before = await check.RunAsync(CancellationToken.None);
        await using (var connection = new NpgsqlConnection(testDatabase.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tables = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NULL", connection);
            Assert.True((bool)(await tables.ExecuteScalarAsync())!); // the doctor only looked
        }

        await new PostgresStateStore(database).SetAsync("k", "v");
        var after = await check.RunAsync(CancellationToken.None);

        Assert.Equal(CheckStatus.Warning, before!.Status);
        Assert.Contains("schema version 0 (current is", before.Detail, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Pass, after!.Status);
        Assert.Equal($"PostgreSQL at 127.0.0.1:{server.Port}/{testDatabase.Name} as postgres, schema version {PostgresSchema.Latest}", after.Detail);
        Assert.DoesNotContain("hunter2", before.Detail + after.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_fails_with_where_it_looked_and_what_to_check()
    {
        await using var database = new PostgresDatabase($"Host=127.0.0.1;Port={LoopbackPort.Free()};Database=chatbot;Username=bot;Password=hunter2-secret;Timeout=5");

        var result = await new PostgresCheck(database).RunAsync(CancellationToken.None);

        Assert.Equal(CheckStatus.Fail, result!.Status);
        Assert.StartsWith("PostgreSQL at 127.0.0.1:", result.Detail, StringComparison.Ordinal);
        Assert.Contains("/chatbot as bot cannot be reached", result.Detail, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", result.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Detail, StringComparison.Ordinal);
    }
}
