using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Postgres.Alerts;
using ChatBot.Storage.Postgres.DailyThreads;
using ChatBot.Storage.Postgres.Papers;
using ChatBot.Storage.Postgres.State;
using Npgsql;

namespace ChatBot.Storage.Postgres.Database;

/// <summary>
/// The PostgreSQL side of <c>migrate --to postgres</c>: writes papers with their own sequence, revision and upvote
/// history, alerts with their ids, pending deliveries and the counters as the source had them (no store's merge or
/// numbering runs), and reads everything back for the comparison with the source. The last write is a marker in
/// <c>state</c> (<see cref="MarkerKey"/>): a database with data but no marker was not filled by a finished migrate.
/// </summary>
public sealed class PostgresImport(PostgresDatabase database)
{
    /// <summary>The state key written when a migrate finished (its value names the source); not part of the comparison.</summary>
    public const string MarkerKey = "migrated-from";

    private readonly PostgresPaperStore _papers = new(database, TimeProvider.System);
    private readonly PostgresScheduleStore _schedules = new(database);
    private readonly PostgresPostLog _posts = new(database);
    private readonly PostgresStateStore _state = new(database);
    private readonly PostgresAlertStore _alerts = new(database);

    /// <summary>The papers, to read in pages by sequence for the comparison.</summary>
    public IPaperStore Papers => _papers;

    /// <summary>Which tables hold rows (papers, alerts, ...), empty when the database holds nothing yet (the marker aside).</summary>
    public async Task<IReadOnlyList<string>> NonEmptyTablesAsync(CancellationToken cancellationToken)
    {
        string[] tables = ["papers", "alerts", "alert_settings", "daily_schedules", "daily_posts", "deliveries", "delivery_attempts", "state"];
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = new List<string>();
        foreach (var table in tables)
        {
            var sql = table == "state"
                ? $"SELECT EXISTS (SELECT 1 FROM state WHERE key <> '{MarkerKey}')"
                : $"SELECT EXISTS (SELECT 1 FROM {table})";
            await using var command = new NpgsqlCommand(sql, connection);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                found.Add(table);
            }
        }

        return found;
    }

    /// <summary>The marker's value, or null when no migrate finished into this database.</summary>
    public Task<string?> MarkerAsync(CancellationToken cancellationToken) => _state.GetAsync(MarkerKey, cancellationToken);

    public Task MarkAsync(string source, CancellationToken cancellationToken) => _state.SetAsync(MarkerKey, source, cancellationToken);

    /// <summary>Writes a page of papers as they are, in one transaction.</summary>
    public Task WritePapersAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var paper in papers)
                {
                    batch.BatchCommands.Add(PaperRow.UpsertCommand(paper));
                }

                await batch.ExecuteNonQueryAsync(cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>Writes everything but the papers, and the counters, in one transaction.</summary>
    public async Task WriteAsync(StorageContents contents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contents);
        await database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var alert in contents.Alerts)
                {
                    var insert = new NpgsqlBatchCommand($"INSERT INTO alerts ({PostgresAlertStore.Columns}) VALUES (@id, @platform, @user, @query, @created, @paused, @matches, @like)");
                    Add(insert, "id", alert.Id);
                    Add(insert, "platform", alert.Platform);
                    Add(insert, "user", alert.UserId);
                    Add(insert, "query", alert.Query);
                    Add(insert, "created", alert.CreatedAt.UtcTicks);
                    Add(insert, "paused", alert.PausedReason);
                    Add(insert, "matches", alert.Matches);
                    Add(insert, "like", alert.Like?.Value);
                    batch.BatchCommands.Add(insert);
                }

                foreach (var settings in contents.AlertSettings)
                {
                    var insert = new NpgsqlBatchCommand("INSERT INTO alert_settings (platform, user_id, digest, digest_sent_on) VALUES (@platform, @user, @digest, @sent)");
                    Add(insert, "platform", settings.Platform);
                    Add(insert, "user", settings.UserId);
                    Add(insert, "digest", settings.Digest.ToStored());
                    Add(insert, "sent", settings.DigestSentOn);
                    batch.BatchCommands.Add(insert);
                }

                foreach (var delivery in contents.PendingDeliveries)
                {
                    var insert = new NpgsqlBatchCommand(
                        "INSERT INTO deliveries (platform, user_id, paper_id, sequence, alert_ids, state, attempts) VALUES (@platform, @user, @paper, @sequence, @alerts, @state, 0)");
                    Add(insert, "platform", delivery.Platform);
                    Add(insert, "user", delivery.UserId);
                    Add(insert, "paper", delivery.PaperId.Value);
                    Add(insert, "sequence", delivery.Sequence);
                    Add(insert, "alerts", delivery.AlertIds.ToArray());
                    Add(insert, "state", delivery.State.ToString());
                    batch.BatchCommands.Add(insert);
                }

                // A pending delivery carries its user's attempts, retry time and error: one row per user who has some.
                foreach (var user in contents.PendingDeliveries.Where(d => d.Attempts > 0 || d.RetryAt is not null || d.LastError is not null).GroupBy(d => (d.Platform, d.UserId)))
                {
                    var first = user.First();
                    var insert = new NpgsqlBatchCommand("INSERT INTO delivery_attempts (platform, user_id, attempts, retry_at_ticks, last_error) VALUES (@platform, @user, @attempts, @retry, @error)");
                    Add(insert, "platform", first.Platform);
                    Add(insert, "user", first.UserId);
                    Add(insert, "attempts", first.Attempts);
                    Add(insert, "retry", first.RetryAt.ToTicks());
                    Add(insert, "error", first.LastError);
                    batch.BatchCommands.Add(insert);
                }

                var counters = new NpgsqlBatchCommand(
                    """
                    UPDATE counters SET value = CASE name
                        WHEN 'paper-sequence' THEN @sequence WHEN 'paper-revision' THEN @revision
                        WHEN 'alert-id' THEN @alert ELSE @recorded END
                    WHERE name IN ('paper-sequence', 'paper-revision', 'alert-id', 'deliveries-recorded-through')
                    """);
                Add(counters, "sequence", contents.LastSequence);
                Add(counters, "revision", contents.LastRevision);
                Add(counters, "alert", contents.LastAlertId);
                Add(counters, "recorded", contents.DeliveriesRecordedThrough);
                batch.BatchCommands.Add(counters);
                await batch.ExecuteNonQueryAsync(cancellationToken);
                return true;
            },
            cancellationToken);

        foreach (var schedule in contents.Schedules)
        {
            await _schedules.SaveAsync(schedule, cancellationToken);
        }

        foreach (var record in contents.Posts)
        {
            await _posts.SaveAsync(record, cancellationToken);
        }

        foreach (var (key, value) in contents.State)
        {
            await _state.SetAsync(key, value, cancellationToken);
        }
    }

    /// <summary>Everything but the papers, in the order <see cref="StorageContents"/> names (the marker left out).</summary>
    public async Task<StorageContents> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        List<Alert> alerts;
        await using (var command = new NpgsqlCommand($"SELECT {PostgresAlertStore.Columns} FROM alerts", connection))
        {
            alerts = await PostgresAlertStore.ReadAsync(command, cancellationToken);
        }

        var settings = new List<AlertDeliverySettings>();
        await using (var command = new NpgsqlCommand("SELECT digest, digest_sent_on, platform, user_id FROM alert_settings", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                settings.Add(PostgresAlertStore.Settings(reader.GetString(2), reader.GetString(3), reader));
            }
        }

        var posts = new List<ChatBot.Core.DailyThreads.DailyThreadRecord>();
        await using (var command = new NpgsqlCommand($"SELECT {PostgresPostLog.Columns} FROM daily_posts", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                posts.Add(PostgresPostLog.Read(reader));
            }
        }

        var state = new List<KeyValuePair<string, string>>();
        await using (var command = new NpgsqlCommand($"SELECT key, value FROM state WHERE key <> '{MarkerKey}'", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                state.Add(KeyValuePair.Create(reader.GetString(0), reader.GetString(1)));
            }
        }

        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT name, value FROM counters", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counters[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var deliveries = new PostgresDeliveryLog(database);
        return new StorageContents
        {
            Alerts = [.. alerts.OrderBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal)],
            LastAlertId = counters.GetValueOrDefault("alert-id"),
            AlertSettings = [.. settings.OrderBy(s => s.Platform, StringComparer.Ordinal).ThenBy(s => s.UserId, StringComparer.Ordinal)],
            Schedules = [.. (await _schedules.ListAsync(cancellationToken)).OrderBy(s => s.Id, StringComparer.Ordinal)],
            Posts = [.. posts.OrderBy(r => r.ScheduleId, StringComparer.Ordinal).ThenBy(r => r.LocalDate)],
            State = [.. state.OrderBy(p => p.Key, StringComparer.Ordinal)],
            PendingDeliveries = await StorageContents.PendingInOrderAsync(deliveries, cancellationToken),
            DeliveriesRecordedThrough = counters.GetValueOrDefault("deliveries-recorded-through"),
            LastSequence = counters.GetValueOrDefault("paper-sequence"),
            LastRevision = counters.GetValueOrDefault("paper-revision"),
        };
    }

    private static void Add<T>(NpgsqlBatchCommand command, string name, T value) => command.Parameters.Add(new NpgsqlParameter<T>(name, value));
}
