using ChatBot.Core.Papers;
using ChatBot.Storage.Postgres.Database;
using ChatBot.Storage.Postgres.Papers;
using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Storage.Tests.Postgres;

/// <summary>
/// Several processes on one database (each its own connection pool, as separate bot processes have): upserts take
/// turns on the counter rows, so merging and numbering hold across processes as they do within one.
/// </summary>
[Collection(PostgresTests.Collection)]
public sealed class PostgresProcessesTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Processes_upserting_overlapping_batches_at_once_leave_one_record_per_paper_numbered_without_gaps()
    {
        await using var testDatabase = await server.CreateDatabaseAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        var processes = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(testDatabase.ConnectionString)).ToList();
        try
        {
            var titles = Enumerable.Range(0, 120).Select(i => $"Shared paper number {i}").ToArray();
            using var go = new ManualResetEventSlim();
            var ingests = processes.Select((database, p) => Task.Run(async () =>
            {
                go.Wait();
                var store = new PostgresPaperStore(database, clock);
                // Each process sees the papers in its own order and batch size, and half of them with upvotes.
                foreach (var batch in titles.Skip(p * 20).Take(60).Chunk(7 + p))
                {
                    await store.UpsertAsync([.. batch.Select(t => TestPapers.Titled(t) with { Upvotes = p % 2 == 0 ? null : p })]);
                }
            })).ToList();
            go.Set();
            await Task.WhenAll(ingests);

            var reader = new PostgresPaperStore(processes[0], clock);
            var stats = await reader.GetStatsAsync();
            Assert.Equal(120, stats.Papers);
            Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), (await reader.ReadAfterAsync(0, 1000)).Select(p => p.Sequence));
            var revisions = (await reader.ReadChangedAfterAsync(0, 1000)).Select(p => p.Revision).ToList();
            Assert.Equal(revisions.Order(), revisions);
            Assert.Equal(stats.LastRevision, revisions[^1]);
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
    public async Task A_follower_reading_after_its_last_revision_while_processes_write_misses_no_change()
    {
        await using var testDatabase = await server.CreateDatabaseAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        var writers = Enumerable.Range(0, 3).Select(_ => new PostgresDatabase(testDatabase.ConnectionString)).ToList();
        await using var followerDatabase = new PostgresDatabase(testDatabase.ConnectionString);
        try
        {
            var follower = new PostgresPaperStore(followerDatabase, clock);
            using var writing = new CancellationTokenSource();
            var seen = new List<long>();
            // As a search index follows: read what changed after the last revision it saw, again and again.
            var following = Task.Run(async () =>
            {
                long last = 0;
                while (true)
                {
                    var done = writing.IsCancellationRequested;
                    var changed = await follower.ReadChangedAfterAsync(last, 50);
                    seen.AddRange(changed.Select(p => p.Revision));
                    last = changed.Count > 0 ? changed[^1].Revision : last;
                    if (done && changed.Count == 0)
                    {
                        return;
                    }
                }
            });
            var writes = writers.Select((database, w) => Task.Run(async () =>
            {
                var store = new PostgresPaperStore(database, clock);
                for (var round = 0; round < 15; round++)
                {
                    // New papers and changes to papers the other writers store too.
                    await store.UpsertAsync([
                        TestPapers.Titled($"Writer {w} paper {round}"),
                        TestPapers.Titled($"Shared paper {round % 5}") with { Upvotes = (w * 100) + round },
                    ]);
                }
            })).ToList();
            await Task.WhenAll(writes);
            await writing.CancelAsync();
            await following;

            // A paper changed twice between two reads shows its later revision only; but the revision every paper ends
            // with was seen, in increasing order: none committed behind one the follower had already read past.
            var stored = (await follower.ReadChangedAfterAsync(0, 10_000)).Select(p => p.Revision).ToHashSet();
            Assert.Equal(3 * 15 + 5, stored.Count);
            Assert.Subset(seen.ToHashSet(), stored);
            Assert.Equal(seen.Order(), seen);
            Assert.Equal(seen.Distinct(), seen);
        }
        finally
        {
            foreach (var database in writers)
            {
                await database.DisposeAsync();
            }
        }
    }
}
