using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Postgres.Cluster;
using ChatBot.Storage.Postgres.Database;
using Npgsql;

namespace ChatBot.Storage.Postgres.Papers;

/// <summary>
/// Papers in PostgreSQL. Each upsert is one transaction that first locks the sequence and revision counter rows:
/// where LiteDB has its one process's write lock, this makes upserts from every process take turns, so a batch
/// merges against what the batches before it committed (one record per paper however many processes ingest), and
/// sequence and revision numbers become visible in the order they were given: a reader that has seen revision N
/// can never later find an N-1 committed behind it (which the search index, following by revision, would miss).
/// Readers never wait: they see the last committed batch.
/// </summary>
internal sealed class PostgresPaperStore(PostgresDatabase database, TimeProvider timeProvider) : IPaperStore
{
    private const string SequenceCounter = "paper-sequence";
    private const string RevisionCounter = "paper-revision";

    public Task<UpsertSummary> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(papers);
        cancellationToken.ThrowIfCancellationRequested();
        if (papers.Count == 0)
        {
            return Task.FromResult(UpsertSummary.None);
        }

        return database.InTransactionAsync(async (connection, transaction) =>
        {
            var (sequence, revision) = await LockCountersAsync(connection, transaction, cancellationToken);
            var before = revision;
            var now = timeProvider.GetUtcNow();
            var view = await PaperBatchView.LoadAsync(connection, transaction, papers, cancellationToken);
            var summary = Merge(papers, view, now, ref sequence, ref revision);
            await WriteAsync(connection, transaction, view, sequence, revision, cancellationToken);
            if (revision != before)
            {
                // Sent at commit: every process's index wakes and reads past its revision (PostgresPaperChanges).
                await using var notify = new NpgsqlCommand($"SELECT pg_notify('{PostgresPaperChanges.Channel}', @revision)", connection, transaction)
                    .With("revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await notify.ExecuteNonQueryAsync(cancellationToken);
            }

            return summary;
        }, cancellationToken);
    }

    public async Task<Paper?> FindAsync(PaperId id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var byId = new NpgsqlCommand($"SELECT {PaperRow.Columns} FROM papers WHERE id = @id", connection).With("id", id.Value))
        {
            var paper = (await PaperRow.ReadAllAsync(byId, cancellationToken)).FirstOrDefault();
            if (paper is not null || id.IsArxiv)
            {
                return paper;
            }
        }

        // A title key may name a paper that has since learned its arXiv id.
        await using var byTitle = new NpgsqlCommand($"SELECT {PaperRow.Columns} FROM papers WHERE title_key = @key ORDER BY sequence LIMIT 1", connection)
            .With("key", id.Value[PaperId.TitlePrefix.Length..]);
        return (await PaperRow.ReadAllAsync(byTitle, cancellationToken)).FirstOrDefault();
    }

    public Task<IReadOnlyList<Paper>> ReadAfterAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        ListAsync($"SELECT {PaperRow.Columns} FROM papers WHERE sequence > @after ORDER BY sequence LIMIT @max", afterSequence, maxCount, cancellationToken);

    public Task<IReadOnlyList<Paper>> ReadChangedAfterAsync(long afterRevision, int maxCount, CancellationToken cancellationToken = default) =>
        ListAsync($"SELECT {PaperRow.Columns} FROM papers WHERE revision > @after ORDER BY revision LIMIT @max", afterRevision, maxCount, cancellationToken);

    public async Task<long> GetLastRevisionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadCountersAsync(connection, cancellationToken)).Revision;
    }

    public async Task<IReadOnlyList<Paper>> FindManyAsync(IReadOnlyList<PaperId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {PaperRow.Columns} FROM papers WHERE id = ANY(@ids)", connection)
            .With("ids", ids.Select(id => id.Value).Distinct(StringComparer.Ordinal).ToArray());
        var found = (await PaperRow.ReadAllAsync(command, cancellationToken)).ToDictionary(p => p.Id.Value, StringComparer.Ordinal);
        return [.. ids.Select(id => found.GetValueOrDefault(id.Value)).OfType<Paper>()];
    }

    public async Task<IReadOnlyList<Paper>> ListFreshSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {PaperRow.Columns} FROM papers WHERE fresh_ticks >= @since ORDER BY fresh_ticks, sequence", connection)
            .With("since", since.UtcTicks);
        return await PaperRow.ReadAllAsync(command, cancellationToken);
    }

    public async Task<PaperStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One snapshot for every figure: the counts, the sources and the counters agree with each other.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        int count;
        DateTimeOffset? oldest, newest;
        await using (var totals = new NpgsqlCommand("SELECT count(*), min(published_ticks), max(published_ticks) FROM papers", connection, transaction))
        await using (var reader = await totals.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            count = checked((int)reader.GetInt64(0));
            oldest = reader.NullableTicks(1);
            newest = reader.NullableTicks(2);
        }

        var bySource = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var sources = new NpgsqlCommand("SELECT source, count(*) FROM papers, unnest(sources) AS source GROUP BY source", connection, transaction))
        await using (var reader = await sources.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                bySource[reader.GetString(0)] = checked((int)reader.GetInt64(1));
            }
        }

        var (sequence, revision) = await ReadCountersAsync(connection, cancellationToken, transaction);
        await transaction.CommitAsync(cancellationToken);
        return new PaperStats(count, bySource, oldest, newest, sequence, revision);
    }

    public async Task<PaperCounters> GetCountersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One snapshot, so the count and the counters agree.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using var total = new NpgsqlCommand("SELECT count(*) FROM papers", connection, transaction);
        var count = checked((int)(long)(await total.ExecuteScalarAsync(cancellationToken))!);
        var (sequence, revision) = await ReadCountersAsync(connection, cancellationToken, transaction);
        await transaction.CommitAsync(cancellationToken);
        return new PaperCounters(count, sequence, revision);
    }

    // Every incoming record counts once: new (it created a paper), updated (it changed one) or unchanged.
    private static UpsertSummary Merge(IReadOnlyList<Paper> papers, PaperBatchView view, DateTimeOffset now, ref long sequence, ref long revision)
    {
        int created = 0, updated = 0, unchanged = 0;
        var changed = new Dictionary<string, Paper>(StringComparer.Ordinal);
        foreach (var incoming in papers)
        {
            if (view.FindExisting(incoming) is not { } existing)
            {
                var paper = PaperMerger.First(incoming, ++sequence, now) with { Revision = ++revision };
                view.Stored(paper);
                changed[paper.Id.Value] = paper;
                created++;
                continue;
            }

            if (PaperMerger.Merge(existing, incoming, now) is not { } merged)
            {
                unchanged++;
                continue;
            }

            // A title-keyed paper that learned its arXiv id is re-keyed: the old row goes, its history and sequence stay.
            merged = merged with { Revision = ++revision };
            view.Removed(existing);
            view.Stored(merged);
            changed.Remove(existing.Id.Value);
            changed[merged.Id.Value] = merged;
            updated++;
        }

        return new UpsertSummary(created, updated, unchanged, [.. changed.Values.OrderBy(p => p.Sequence)]);
    }

    private static async Task WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PaperBatchView view, long sequence, long revision, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (view.ToDelete.Count > 0)
        {
            // First, so a re-keyed paper's sequence is free for its new row.
            var delete = new NpgsqlBatchCommand("DELETE FROM papers WHERE id = ANY(@ids)");
            delete.Parameters.Add(new NpgsqlParameter<string[]>("ids", [.. view.ToDelete]));
            batch.BatchCommands.Add(delete);
        }

        foreach (var paper in view.ToWrite)
        {
            batch.BatchCommands.Add(PaperRow.UpsertCommand(paper));
        }

        var counters = new NpgsqlBatchCommand(
            $"UPDATE counters SET value = CASE name WHEN '{SequenceCounter}' THEN @sequence ELSE @revision END WHERE name IN ('{SequenceCounter}', '{RevisionCounter}')");
        counters.Parameters.Add(new NpgsqlParameter<long>("sequence", sequence));
        counters.Parameters.Add(new NpgsqlParameter<long>("revision", revision));
        batch.BatchCommands.Add(counters);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Locks both counter rows (in name order, as every writer does) until the transaction ends, and reads them.</summary>
    private static async Task<(long Sequence, long Revision)> LockCountersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        await ReadCountersAsync(connection, cancellationToken, transaction, forUpdate: true);

    private static async Task<(long Sequence, long Revision)> ReadCountersAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null, bool forUpdate = false)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT name, value FROM counters WHERE name IN ('{SequenceCounter}', '{RevisionCounter}') ORDER BY name{(forUpdate ? " FOR UPDATE" : "")}",
            connection,
            transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long sequence = 0, revision = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetString(0) == SequenceCounter)
            {
                sequence = reader.GetInt64(1);
            }
            else
            {
                revision = reader.GetInt64(1);
            }
        }

        return (sequence, revision);
    }

    private async Task<IReadOnlyList<Paper>> ListAsync(string sql, long after, int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection).With("after", after).With("max", maxCount);
        return await PaperRow.ReadAllAsync(command, cancellationToken);
    }
}
