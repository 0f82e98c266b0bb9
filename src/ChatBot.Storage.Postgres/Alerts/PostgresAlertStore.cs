using System.Globalization;
using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Postgres.Database;
using Npgsql;

namespace ChatBot.Storage.Postgres.Alerts;

/// <summary>
/// Alerts in <c>alerts</c> and each user's delivery settings in <c>alert_settings</c>. Ids are short decimal numbers
/// from the <c>alert-id</c> counter row, advanced under its lock so they never repeat. Where LiteDB relies on its one
/// writer, each change here is a transaction holding a lock on what it reads: a per-owner advisory lock while
/// counting against the limit (two processes adding at once cannot both pass it), the alert rows being changed
/// (a removal waits, or the change finds the row gone), and the settings row (two changes keep both).
/// </summary>
internal sealed class PostgresAlertStore(PostgresDatabase database) : IAlertStore
{
    internal const string Columns = "id, platform, user_id, query, created_ticks, paused_reason, matches, like_paper_id";

    public Task<Alert?> TryAddAsync(Alert alert, int maxPerOwner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return database.InTransactionAsync<Alert?>(async (connection, transaction) =>
        {
            await using (var lockOwner = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@owner, 0))", connection, transaction)
                .With("owner", $"alerts:{alert.Platform}:{alert.UserId}"))
            {
                await lockOwner.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var count = new NpgsqlCommand("SELECT count(*) FROM alerts WHERE platform = @platform AND user_id = @user", connection, transaction)
                .With("platform", alert.Platform)
                .With("user", alert.UserId))
            {
                if ((long)(await count.ExecuteScalarAsync(cancellationToken))! >= maxPerOwner)
                {
                    return null;
                }
            }

            long next;
            await using (var counter = new NpgsqlCommand("UPDATE counters SET value = value + 1 WHERE name = 'alert-id' RETURNING value", connection, transaction))
            {
                next = (long)(await counter.ExecuteScalarAsync(cancellationToken))!;
            }

            var stored = alert with { Id = next.ToString(CultureInfo.InvariantCulture) };
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO alerts ({Columns}) VALUES (@id, @platform, @user, @query, @created, @paused, @matches, @like)", connection, transaction);
            await Bind(insert, stored).ExecuteNonQueryAsync(cancellationToken);
            return stored;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Alert>> UpdateAsync(IReadOnlyCollection<string> alertIds, Func<Alert, Alert> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        ArgumentNullException.ThrowIfNull(change);
        return database.InTransactionAsync<IReadOnlyList<Alert>>(async (connection, transaction) =>
        {
            var ids = alertIds.Distinct(StringComparer.Ordinal).ToArray();
            List<Alert> current;
            // Locks the rows (in id order, so two updates of overlapping sets cannot deadlock) until the changes commit.
            await using (var select = new NpgsqlCommand($"SELECT {Columns} FROM alerts WHERE id = ANY(@ids) ORDER BY id FOR UPDATE", connection, transaction)
                .With("ids", ids))
            {
                current = await ReadAsync(select, cancellationToken);
            }

            var byId = current.ToDictionary(a => a.Id, StringComparer.Ordinal);
            var changed = new List<Alert>(current.Count);
            foreach (var id in ids)
            {
                if (!byId.TryGetValue(id, out var alert))
                {
                    continue; // removed meanwhile: never brought back
                }

                var updated = change(alert) with { Id = id };
                await using var update = new NpgsqlCommand(
                    "UPDATE alerts SET platform = @platform, user_id = @user, query = @query, created_ticks = @created, paused_reason = @paused, matches = @matches, like_paper_id = @like WHERE id = @id",
                    connection,
                    transaction);
                await Bind(update, updated).ExecuteNonQueryAsync(cancellationToken);
                changed.Add(updated);
            }

            return changed;
        }, cancellationToken);
    }

    public async Task<bool> RemoveAsync(string alertId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM alerts WHERE id = @id", connection).With("id", alertId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<IReadOnlyList<Alert>> ListForUserAsync(string platform, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM alerts WHERE platform = @platform AND user_id = @user ORDER BY length(id), id", connection)
            .With("platform", platform)
            .With("user", userId);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<Alert>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM alerts WHERE paused_reason IS NULL ORDER BY length(id), id", connection);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<AlertDeliverySettings> GetSettingsAsync(string platform, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT digest, digest_sent_on FROM alert_settings WHERE platform = @platform AND user_id = @user", connection)
            .With("platform", platform)
            .With("user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? Settings(platform, userId, reader)
            : AlertDeliverySettings.For(platform, userId);
    }

    public Task<AlertDeliverySettings> UpdateSettingsAsync(
        string platform, string userId, Func<AlertDeliverySettings, AlertDeliverySettings> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            // The row exists (with the defaults) before it is locked, so a first change and a second one queue on it too.
            await using (var ensure = new NpgsqlCommand(
                "INSERT INTO alert_settings (platform, user_id, digest) VALUES (@platform, @user, @digest) ON CONFLICT DO NOTHING", connection, transaction)
                .With("platform", platform)
                .With("user", userId)
                .With("digest", AlertDeliverySettings.For(platform, userId).Digest.ToStored()))
            {
                await ensure.ExecuteNonQueryAsync(cancellationToken);
            }

            AlertDeliverySettings current;
            await using (var select = new NpgsqlCommand(
                "SELECT digest, digest_sent_on FROM alert_settings WHERE platform = @platform AND user_id = @user FOR UPDATE", connection, transaction)
                .With("platform", platform)
                .With("user", userId))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                current = Settings(platform, userId, reader);
            }

            var changed = change(current) with { Platform = platform, UserId = userId };
            await using var update = new NpgsqlCommand(
                "UPDATE alert_settings SET digest = @digest, digest_sent_on = @sent WHERE platform = @platform AND user_id = @user", connection, transaction)
                .With("platform", platform)
                .With("user", userId)
                .With("digest", changed.Digest.ToStored())
                .With("sent", changed.DigestSentOn);
            await update.ExecuteNonQueryAsync(cancellationToken);
            return changed;
        }, cancellationToken);
    }

    internal static AlertDeliverySettings Settings(string platform, string userId, NpgsqlDataReader reader) => new()
    {
        Platform = platform,
        UserId = userId,
        Digest = AlertDigest.FromStored(reader.GetString(0)),
        DigestSentOn = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1),
    };

    internal static NpgsqlCommand Bind(NpgsqlCommand command, Alert alert) => command
        .With("id", alert.Id)
        .With("platform", alert.Platform)
        .With("user", alert.UserId)
        .With("query", alert.Query)
        .With("created", alert.CreatedAt.UtcTicks)
        .With("paused", alert.PausedReason)
        .With("matches", alert.Matches)
        .With("like", alert.Like?.Value);

    internal static async Task<List<Alert>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var alerts = new List<Alert>();
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(new Alert
            {
                Id = reader.GetString(0),
                Platform = reader.GetString(1),
                UserId = reader.GetString(2),
                Query = reader.GetString(3),
                CreatedAt = reader.Ticks(4),
                PausedReason = reader.NullableString(5),
                Matches = reader.GetInt32(6),
                Like = reader.NullableString(7) is { } like && PaperId.TryParse(like, out var id) ? id : null,
            });
        }

        return alerts;
    }
}
