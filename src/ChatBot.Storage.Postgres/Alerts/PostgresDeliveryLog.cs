using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Postgres.Database;
using Npgsql;

namespace ChatBot.Storage.Postgres.Alerts;

/// <summary>
/// Deliveries in <c>deliveries</c>, one row per (platform, user, paper): the primary key is what makes a pair
/// recordable once, so two processes recording the same pair at once record it once (INSERT … ON CONFLICT DO
/// NOTHING, which waits for the other's commit). Pending rows are found through a partial index.
/// </summary>
internal sealed class PostgresDeliveryLog(PostgresDatabase database) : IDeliveryLog
{
    private const string Columns = "platform, user_id, paper_id, alert_ids, state, attempts, retry_at_ticks, last_error";
    private const string Values = "@platform, @user, @paper, @alerts, @state, @attempts, @retry, @error";

    public Task<IReadOnlyList<Delivery>> RecordNewAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<Delivery>>([]);
        }

        return database.InTransactionAsync<IReadOnlyList<Delivery>>(async (connection, transaction) =>
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var delivery in deliveries)
            {
                batch.BatchCommands.Add(Bind(new NpgsqlBatchCommand($"INSERT INTO deliveries ({Columns}) VALUES ({Values}) ON CONFLICT DO NOTHING RETURNING 1"), delivery));
            }

            // One result per delivery, in order: a row when it was recorded, none when its pair already was.
            var recorded = new List<Delivery>();
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            foreach (var delivery in deliveries)
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    recorded.Add(delivery);
                }

                await reader.NextResultAsync(cancellationToken);
            }

            return recorded;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Delivery>> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM deliveries WHERE state = '{nameof(DeliveryState.Pending)}' ORDER BY platform, user_id, paper_id", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<Delivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(new Delivery
            {
                Platform = reader.GetString(0),
                UserId = reader.GetString(1),
                PaperId = PaperId.Parse(reader.GetString(2)),
                AlertIds = reader.GetFieldValue<string[]>(3),
                State = Enum.Parse<DeliveryState>(reader.GetString(4)),
                Attempts = reader.GetInt32(5),
                RetryAt = reader.NullableTicks(6),
                LastError = reader.NullableString(7),
            });
        }

        return pending;
    }

    public async Task SaveAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var delivery in deliveries)
        {
            batch.BatchCommands.Add(Bind(new NpgsqlBatchCommand(
                $"""
                INSERT INTO deliveries ({Columns}) VALUES ({Values})
                ON CONFLICT (platform, user_id, paper_id) DO UPDATE SET
                    alert_ids = excluded.alert_ids, state = excluded.state, attempts = excluded.attempts,
                    retry_at_ticks = excluded.retry_at_ticks, last_error = excluded.last_error
                """), delivery));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> DropPendingAsync(string platform, string userId, string reason, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE deliveries SET state = '{nameof(DeliveryState.Dropped)}', retry_at_ticks = NULL, last_error = @reason
            WHERE platform = @platform AND user_id = @user AND state = '{nameof(DeliveryState.Pending)}'
            """, connection)
            .With("platform", platform)
            .With("user", userId)
            .With("reason", reason);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Bind(NpgsqlBatchCommand command, Delivery delivery)
    {
        void Add<T>(string name, T value) => command.Parameters.Add(new NpgsqlParameter<T>(name, value));
        Add("platform", delivery.Platform);
        Add("user", delivery.UserId);
        Add("paper", delivery.PaperId.Value);
        Add("alerts", delivery.AlertIds.ToArray());
        Add("state", delivery.State.ToString());
        Add("attempts", delivery.Attempts);
        Add("retry", delivery.RetryAt.ToTicks());
        Add("error", delivery.LastError);
        return command;
    }
}
