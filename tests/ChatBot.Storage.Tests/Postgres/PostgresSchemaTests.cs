using ChatBot.Storage.Postgres.Database;
using ChatBot.Storage.Postgres.State;
using ChatBot.Testing;
using Npgsql;

namespace ChatBot.Storage.Tests.Postgres;

/// <summary>The schema is created and migrated on first use, once, however many processes start at the same moment.</summary>
[Collection(PostgresTests.Collection)]
public sealed class PostgresSchemaTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Processes_starting_at_once_on_an_empty_database_apply_each_step_once_and_all_work()
    {
        await using var testDatabase = await server.CreateDatabaseAsync();
        var processes = Enumerable.Range(0, 6).Select(_ => new PostgresDatabase(testDatabase.ConnectionString)).ToList();
        try
        {
            using var go = new ManualResetEventSlim();
            var writes = processes.Select((database, i) => Task.Run(async () =>
            {
                go.Wait();
                await new PostgresStateStore(database).SetAsync($"process-{i}", "started");
            })).ToList();
            go.Set();
            await Task.WhenAll(writes);

            await using var connection = new NpgsqlConnection(testDatabase.ConnectionString);
            await connection.OpenAsync();
            await using var versions = new NpgsqlCommand("SELECT array_agg(version ORDER BY version) FROM schema_version", connection);
            Assert.Equal(Enumerable.Range(1, PostgresSchema.Latest), (int[])(await versions.ExecuteScalarAsync())!);
            await using var rows = new NpgsqlCommand("SELECT count(*) FROM state", connection);
            Assert.Equal(6L, await rows.ExecuteScalarAsync());
        }
        finally
        {
            foreach (var database in processes)
            {
                await database.DisposeAsync();
            }
        }
    }

    [PostgresFact]
    public async Task A_schema_newer_than_the_bot_stops_it_with_a_message_instead_of_writing()
    {
        await using var testDatabase = await server.CreateDatabaseAsync();
        await using (var first = new PostgresDatabase(testDatabase.ConnectionString))
        {
            await new PostgresStateStore(first).SetAsync("k", "v");
        }

        await using (var connection = new NpgsqlConnection(testDatabase.ConnectionString))
        {
            await connection.OpenAsync();
            await using var newer = new NpgsqlCommand("INSERT INTO schema_version (version, description) VALUES (999, 'from the future')", connection);
            await newer.ExecuteNonQueryAsync();
        }

        await using var database = new PostgresDatabase(testDatabase.ConnectionString);
        var error = await Assert.ThrowsAsync<ChatBot.Core.ChatBotException>(() => new PostgresStateStore(database).SetAsync("k", "w"));
        Assert.Contains("schema version 999, newer than this ChatBot knows", error.Message, StringComparison.Ordinal);
        Assert.Equal(999, await database.ReadSchemaVersionAsync(CancellationToken.None));
    }
}
