using System.Diagnostics;
using ChatBot.Storage.Postgres.Database;
using ChatBot.Storage.Postgres.Discord;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Postgres;

/// <summary>
/// Identify pacing shared through the database by processes that share the bot's token: one Identify per rate-limit
/// bucket (<c>shard_id % max_concurrency</c>) per interval across all of them, and buckets independent
/// (https://discord.com/developers/docs/events/gateway#sharding, "Max Concurrency"). Two <see cref="PostgresDatabase"/>
/// instances stand for two processes.
/// </summary>
[Collection(PostgresTests.Collection)]
public sealed class PostgresIdentifyGateTests(PostgresServer server)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [PostgresFact]
    public async Task A_second_process_waits_out_the_buckets_interval_while_another_bucket_goes_at_once()
    {
        await using var testDatabase = await server.CreateDatabaseAsync();
        await using var first = new PostgresDatabase(testDatabase.ConnectionString);
        await using var second = new PostgresDatabase(testDatabase.ConnectionString);
        var one = new PostgresIdentifyGate(first, TimeProvider.System);
        var other = new PostgresIdentifyGate(second, TimeProvider.System);

        await one.WaitTurnAsync(0, Interval, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var sameBucket = other.WaitTurnAsync(0, Interval, CancellationToken.None);
        var otherBucket = other.WaitTurnAsync(1, Interval, CancellationToken.None);
        var firstDone = await Task.WhenAny(sameBucket, otherBucket);
        await sameBucket;
        var waited = watch.Elapsed;

        Assert.Same(otherBucket, firstDone);
        Assert.True(waited >= Interval - TimeSpan.FromMilliseconds(200), $"the same bucket went after {waited.TotalMilliseconds:F0} ms");
    }

    [PostgresFact]
    public async Task Three_processes_identifying_at_once_in_one_bucket_take_turns_an_interval_apart()
    {
        await using var testDatabase = await server.CreateDatabaseAsync();
        var databases = Enumerable.Range(0, 3).Select(_ => new PostgresDatabase(testDatabase.ConnectionString)).ToList();
        try
        {
            var interval = TimeSpan.FromMilliseconds(700);
            var watch = Stopwatch.StartNew();
            var turns = await Task.WhenAll(databases.Select(async database =>
            {
                await new PostgresIdentifyGate(database, TimeProvider.System).WaitTurnAsync(3, interval, CancellationToken.None);
                return watch.Elapsed;
            }));

            // The first goes at once, the others an interval after the one before (less scheduling noise).
            var span = turns.Max() - turns.Min();
            Assert.True(span >= (2 * interval) - TimeSpan.FromMilliseconds(200), $"three turns within {span.TotalMilliseconds:F0} ms");
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }
    }
}
