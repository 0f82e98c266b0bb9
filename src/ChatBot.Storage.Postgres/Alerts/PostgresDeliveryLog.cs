using System.Runtime.CompilerServices;
using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Postgres.Database;
using Npgsql;

namespace ChatBot.Storage.Postgres.Alerts;

/// <summary>
/// The delivery log in <c>deliveries</c> (one row per user and paper, keyed so a pair is recorded once) and
/// <c>delivery_attempts</c> (a user's attempts while their papers wait). A batch is recorded in one transaction that
/// locks the <c>deliveries-recorded-through</c> counter row, so two processes recording the same batch at once record
/// it once: the second finds the counter moved and skips what it covers.
/// </summary>
internal sealed class PostgresDeliveryLog(PostgresDatabase database) : IDeliveryLog
{
    private const string Counter = "deliveries-recorded-through";
    private const string Separator = "\u001f";

    public async Task<long> RecordedThroughAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT value FROM counters WHERE name = '{Counter}'", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task<int> RecordBatchAsync(DeliveryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            long through;
            await using (var counter = new NpgsqlCommand($"SELECT value FROM counters WHERE name = '{Counter}' FOR UPDATE", connection, transaction))
            {
                through = (long)(await counter.ExecuteScalarAsync(cancellationToken))!;
            }

            List<string> platforms = [], users = [], papers = [], alerts = [];
            List<long> sequences = [];
            foreach (var user in batch.Users)
            {
                foreach (var position in user.Positions())
                {
                    var paper = batch.Papers[position];
                    if (paper.Sequence > through)
                    {
                        platforms.Add(user.Platform);
                        users.Add(user.UserId);
                        papers.Add(paper.Id.Value);
                        sequences.Add(paper.Sequence);
                        alerts.Add(string.Join(Separator, user.AlertIdsAt(position)));
                    }
                }
            }

            var recorded = 0;
            if (platforms.Count > 0)
            {
                await using var insert = new NpgsqlCommand(
                    $"""
                    INSERT INTO deliveries (platform, user_id, paper_id, sequence, alert_ids, state, attempts)
                    SELECT platform, user_id, paper_id, sequence, string_to_array(alerts, chr(31)), '{nameof(DeliveryState.Pending)}', 0
                    FROM unnest(@platforms, @users, @papers, @sequences, @alerts) AS t(platform, user_id, paper_id, sequence, alerts)
                    ON CONFLICT DO NOTHING
                    """, connection, transaction)
                    .With("platforms", platforms.ToArray())
                    .With("users", users.ToArray())
                    .With("papers", papers.ToArray())
                    .With("sequences", sequences.ToArray())
                    .With("alerts", alerts.ToArray());
                recorded = await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var move = new NpgsqlCommand($"UPDATE counters SET value = greatest(value, @through) WHERE name = '{Counter}'", connection, transaction)
                .With("through", batch.Through);
            await move.ExecuteNonQueryAsync(cancellationToken);
            return recorded;
        }, cancellationToken);
    }

    public async IAsyncEnumerable<IReadOnlyList<Delivery>> PendingByUserAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The users first (a short list), then each user's rows on their turn: no connection is held while a message goes out.
        var users = new List<(string Platform, string UserId)>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await using var command = new NpgsqlCommand(
                $"SELECT DISTINCT platform, user_id FROM deliveries WHERE state = '{nameof(DeliveryState.Pending)}' ORDER BY platform, user_id", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                users.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (platform, userId) in users)
        {
            var pending = await PendingOfAsync(platform, userId, cancellationToken);
            if (pending.Count > 0)
            {
                yield return pending;
            }
        }
    }

    private async Task<List<Delivery>> PendingOfAsync(string platform, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // A pending delivery carries its user's attempts, retry time and last error, when they have some.
        await using var command = new NpgsqlCommand(
            $"""
            SELECT d.paper_id, d.sequence, d.alert_ids, d.state,
                   CASE WHEN a.user_id IS NULL THEN d.attempts ELSE a.attempts END,
                   CASE WHEN a.user_id IS NULL THEN d.retry_at_ticks ELSE a.retry_at_ticks END,
                   CASE WHEN a.user_id IS NULL THEN d.last_error ELSE a.last_error END
            FROM deliveries d LEFT JOIN delivery_attempts a ON a.platform = d.platform AND a.user_id = d.user_id
            WHERE d.platform = @platform AND d.user_id = @user AND d.state = '{nameof(DeliveryState.Pending)}'
            ORDER BY d.sequence
            """, connection)
            .With("platform", platform)
            .With("user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<Delivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(new Delivery
            {
                Platform = platform,
                UserId = userId,
                PaperId = PaperId.Parse(reader.GetString(0)),
                Sequence = reader.GetInt64(1),
                AlertIds = reader.GetFieldValue<string[]>(2),
                State = Enum.Parse<DeliveryState>(reader.GetString(3)),
                Attempts = reader.GetInt32(4),
                RetryAt = reader.NullableTicks(5),
                LastError = reader.NullableString(6),
            });
        }

        return pending;
    }

    public Task SaveAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var user in deliveries.GroupBy(d => (d.Platform, d.UserId)))
            {
                var settling = user.Where(d => d.State != DeliveryState.Pending).ToList();
                if (settling.Count == 0)
                {
                    // A failed attempt: the attempts, retry time and error become the user's.
                    var last = user.Last();
                    await using var attempt = new NpgsqlCommand(
                        """
                        INSERT INTO delivery_attempts (platform, user_id, attempts, retry_at_ticks, last_error) VALUES (@platform, @user, @attempts, @retry, @error)
                        ON CONFLICT (platform, user_id) DO UPDATE SET attempts = excluded.attempts, retry_at_ticks = excluded.retry_at_ticks, last_error = excluded.last_error
                        """, connection, transaction)
                        .With("platform", user.Key.Platform)
                        .With("user", user.Key.UserId)
                        .With("attempts", user.Max(d => d.Attempts))
                        .With("retry", last.RetryAt.ToTicks())
                        .With("error", last.LastError);
                    await attempt.ExecuteNonQueryAsync(cancellationToken);
                    continue;
                }

                await SettleAsync(connection, transaction, user.Key, settling, cancellationToken);
            }

            return true;
        }, cancellationToken);
    }

    public Task<int> DropPendingAsync(string platform, string userId, string reason, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await using var drop = new NpgsqlCommand(
                $"""
                UPDATE deliveries d SET state = '{nameof(DeliveryState.Dropped)}', retry_at_ticks = NULL, last_error = @reason,
                    attempts = coalesce((SELECT a.attempts FROM delivery_attempts a WHERE a.platform = d.platform AND a.user_id = d.user_id), d.attempts)
                WHERE d.platform = @platform AND d.user_id = @user AND d.state = '{nameof(DeliveryState.Pending)}'
                """, connection, transaction)
                .With("platform", platform)
                .With("user", userId)
                .With("reason", reason);
            var dropped = await drop.ExecuteNonQueryAsync(cancellationToken);
            await ForgetAttemptsAsync(connection, transaction, (platform, userId), cancellationToken);
            return dropped;
        }, cancellationToken);

    // Sent, abandoned or dropped: the user's pending papers up to the highest sequence among these are settled so,
    // each saved one with its own attempts and error, the others with the last one's.
    private static async Task SettleAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, (string Platform, string UserId) user, List<Delivery> settling, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var sequences = new NpgsqlCommand(
            "SELECT paper_id, sequence FROM deliveries WHERE platform = @platform AND user_id = @user AND paper_id = ANY(@papers) FOR UPDATE", connection, transaction)
            .With("platform", user.Platform)
            .With("user", user.UserId)
            .With("papers", settling.Select(d => d.PaperId.Value).ToArray()))
        await using (var reader = await sequences.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var upTo = settling.Max(d => stored.TryGetValue(d.PaperId.Value, out var sequence) ? sequence : d.Sequence);
        var outcome = settling[^1];
        foreach (var own in settling.GroupBy(d => d.PaperId.Value).Select(g => g.Last()))
        {
            await using var one = Settle(connection, transaction, user, outcome.State, own.Attempts, own.LastError, upTo, own.PaperId.Value);
            await one.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var rest = Settle(connection, transaction, user, outcome.State, outcome.Attempts, outcome.LastError, upTo, paperId: null);
        await rest.ExecuteNonQueryAsync(cancellationToken);
        await ForgetAttemptsAsync(connection, transaction, user, cancellationToken);
    }

    private static NpgsqlCommand Settle(
        NpgsqlConnection connection, NpgsqlTransaction transaction, (string Platform, string UserId) user, DeliveryState state, int attempts, string? error, long upTo, string? paperId) =>
        new NpgsqlCommand(
            $"""
            UPDATE deliveries SET state = @state, attempts = @attempts, retry_at_ticks = NULL, last_error = @error
            WHERE platform = @platform AND user_id = @user AND state = '{nameof(DeliveryState.Pending)}' AND sequence <= @upTo
              AND (@paper::text IS NULL OR paper_id = @paper)
            """, connection, transaction)
            .With("state", state.ToString())
            .With("attempts", attempts)
            .With("error", error)
            .With("platform", user.Platform)
            .With("user", user.UserId)
            .With("upTo", upTo)
            .With("paper", paperId);

    private static async Task ForgetAttemptsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, (string Platform, string UserId) user, CancellationToken cancellationToken)
    {
        await using var forget = new NpgsqlCommand("DELETE FROM delivery_attempts WHERE platform = @platform AND user_id = @user", connection, transaction)
            .With("platform", user.Platform)
            .With("user", user.UserId);
        await forget.ExecuteNonQueryAsync(cancellationToken);
    }
}
