using System.Diagnostics;
using ChatBot.Core;
using ChatBot.Core.Chat;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Papers;
using ChatBot.Storage.Postgres.DailyThreads;
using ChatBot.Storage.Postgres.Cluster;
using ChatBot.Storage.Postgres.Database;
using ChatBot.Storage.Postgres.Papers;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatBot.Storage.Tests.Postgres;

/// <summary>
/// What several processes share besides the stores: the leader lease (a row with an expiry on the database's clock),
/// delivery claims (first insert wins), and the NOTIFY that wakes every process's index. Each "process" is its own
/// <see cref="PostgresDatabase"/> (its own connection pool).
/// </summary>
[Collection(PostgresTests.Collection)]
public sealed class PostgresClusterTests(PostgresServer server)
{
    [PostgresFact]
    public async Task A_lease_has_one_holder_until_it_is_released_or_expires()
    {
        await using var testDatabase = await server.CreateDatabaseAsync();
        await using var first = new PostgresDatabase(testDatabase.ConnectionString);
        await using var second = new PostgresDatabase(testDatabase.ConnectionString);
        var a = new PostgresLeaseStore(first);
        var b = new PostgresLeaseStore(second);

        var taken = await a.TryAcquireAsync("work", "A", TimeSpan.FromMinutes(10));
        var refused = await b.TryAcquireAsync("work", "B", TimeSpan.FromMinutes(10));
        var renewed = await a.TryAcquireAsync("work", "A", TimeSpan.FromMinutes(10));
        var holder = await b.FindHolderAsync("work");
        await a.ReleaseAsync("work", "A");
        var handedOver = await b.TryAcquireAsync("work", "B", TimeSpan.FromSeconds(3));
        var refusedNow = await a.TryAcquireAsync("work", "A", TimeSpan.FromMinutes(10));
        await Poll.UntilAsync(() => a.TryAcquireAsync("work", "A", TimeSpan.FromMinutes(10)), TimeSpan.FromSeconds(30), () => "the expired lease to be free");

        Assert.True(taken);
        Assert.False(refused);
        Assert.True(renewed);
        Assert.Equal("A", holder);
        Assert.True(handedOver);
        Assert.False(refusedNow);
        Assert.Equal("A", await b.FindHolderAsync("work"));
        Assert.Equal(2L, await ScalarAsync(testDatabase, "SELECT term FROM leases WHERE name = 'work'")); // released (row gone), then B, then A again
    }

    [PostgresFact]
    public async Task Of_processes_claiming_one_delivery_at_once_exactly_one_wins()
    {
        await using var testDatabase = await server.CreateDatabaseAsync();
        var processes = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(testDatabase.ConnectionString)).ToList();
        try
        {
            var claims = processes.Select(p => new PostgresEventClaims(p, TimeProvider.System)).ToList();
            using var go = new ManualResetEventSlim();
            var attempts = claims.Select(c => Task.Run(async () =>
            {
                go.Wait();
                return await c.TryClaimAsync("discord", ["1234"]);
            })).ToList();
            go.Set();
            var won = await Task.WhenAll(attempts);

            var envelope = await claims[0].TryClaimAsync("slack", ["envelope:e1", "slash_commands:t1"]);
            var retryOnAnotherEnvelope = await claims[1].TryClaimAsync("slack", ["envelope:e2", "slash_commands:t1"]);
            var sameIdOtherPlatform = await claims[2].TryClaimAsync("slack", ["1234"]);

            Assert.Single(won, w => w);
            Assert.True(envelope);
            Assert.False(retryOnAnotherEnvelope);
            Assert.True(sameIdOtherPlatform);
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    [PostgresFact]
    public async Task A_listening_process_is_woken_by_papers_another_process_stores_and_listens_again_after_its_connection_drops()
    {
        await using var testDatabase = await server.CreateDatabaseAsync();
        await using var listening = new PostgresDatabase(testDatabase.ConnectionString);
        await using var storing = new PostgresDatabase(testDatabase.ConnectionString);
        await using var changes = new PostgresPaperChanges(listening, TimeProvider.System, NullLogger<PostgresPaperChanges>.Instance);
        var store = new PostgresPaperStore(storing, TimeProvider.System);
        await UntilListeningAsync(changes);

        await store.UpsertAsync([TestPapers.Titled("Stored by another process")]);
        var woken = await changes.WaitForChangeAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        await using (var admin = new NpgsqlConnection(testDatabase.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'", admin);
            Assert.Equal(1L, (long)(await terminate.ExecuteScalarAsync())!);
        }

        var dropped = Stopwatch.StartNew();
        while (changes.Listening)
        {
            Assert.True(dropped.Elapsed < TimeSpan.FromSeconds(60), "the dropped connection was never noticed");
            await changes.WaitForChangeAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }

        await UntilListeningAsync(changes);
        await store.UpsertAsync([TestPapers.Titled("Stored after the listener came back")]);
        var wokenAgain = await changes.WaitForChangeAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.True(woken);
        Assert.True(wokenAgain);
    }

    [PostgresFact]
    public async Task A_stale_save_from_a_process_that_lost_the_lease_cannot_rewind_the_daily_thread_its_successor_moved_on()
    {
        await using var testDatabase = await server.CreateDatabaseAsync();
        await using var oldLeader = new PostgresDatabase(testDatabase.ConnectionString);
        await using var successor = new PostgresDatabase(testDatabase.ConnectionString);
        var started = new DailyThreadRecord
        {
            ScheduleId = "discord:555",
            LocalDate = new DateOnly(2026, 12, 6),
            Papers = [PaperId.Parse("2611.00001"), PaperId.Parse("2611.00002")],
            Thread = new ThreadRef("555", "m1", "777"),
            RepliesSent = 1,
        };
        await new PostgresPostLog(oldLeader).SaveAsync(started);
        var finished = started with { RepliesSent = 2, State = DailyThreadState.Completed };
        await new PostgresPostLog(successor).SaveAsync(finished);

        var rewind = await Assert.ThrowsAsync<ChatBotException>(() => new PostgresPostLog(oldLeader).SaveAsync(started with { Failures = 1 }));
        var otherThread = await Assert.ThrowsAsync<ChatBotException>(() => new PostgresPostLog(oldLeader).SaveAsync(finished with { Thread = new ThreadRef("555", "m2", "778") }));

        Assert.Contains("refused rather than posted twice", rewind.Message, StringComparison.Ordinal);
        Assert.Contains("discord:555 2026-12-06", otherThread.Message, StringComparison.Ordinal);
        Assert.Equivalent(finished, await new PostgresPostLog(oldLeader).FindAsync("discord:555", new DateOnly(2026, 12, 6)), strict: true);
    }

    /// <summary>Starts listening, then takes the signal every (re)connect gives, so the next one is a stored paper's.</summary>
    private static async Task UntilListeningAsync(PostgresPaperChanges changes)
    {
        var waited = Stopwatch.StartNew();
        while (!changes.Listening)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "never listened");
            await changes.WaitForChangeAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }

        _ = await changes.WaitForChangeAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);
    }

    private static async Task<long> ScalarAsync(PostgresTestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
