using ChatBot.Core.DailyThreads;
using ChatBot.Core.Storage;
using ChatBot.Storage.Postgres.Database;
using Npgsql;

namespace ChatBot.Storage.Postgres.DailyThreads;

/// <summary>Schedules set by admin commands, in <c>daily_schedules</c> keyed by schedule id (platform:channel).</summary>
internal sealed class PostgresScheduleStore(PostgresDatabase database) : IScheduleStore
{
    public async Task<IReadOnlyList<DailyThreadSchedule>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT platform, channel_id, local_time, time_zone, top, filter, weekdays, paused_reason FROM daily_schedules ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var schedules = new List<DailyThreadSchedule>();
        while (await reader.ReadAsync(cancellationToken))
        {
            schedules.Add(new DailyThreadSchedule
            {
                Platform = reader.GetString(0),
                ChannelId = reader.GetString(1),
                LocalTime = reader.GetFieldValue<TimeOnly>(2),
                TimeZoneId = reader.GetString(3),
                Top = reader.GetInt32(4),
                Filter = reader.NullableString(5),
                Weekdays = [.. reader.GetFieldValue<int[]>(6).Select(d => (DayOfWeek)d)],
                PausedReason = reader.NullableString(7),
            });
        }

        return schedules;
    }

    public async Task SaveAsync(DailyThreadSchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO daily_schedules (id, platform, channel_id, local_time, time_zone, top, filter, weekdays, paused_reason)
            VALUES (@id, @platform, @channel, @time, @zone, @top, @filter, @weekdays, @paused)
            ON CONFLICT (id) DO UPDATE SET
                platform = excluded.platform, channel_id = excluded.channel_id, local_time = excluded.local_time,
                time_zone = excluded.time_zone, top = excluded.top, filter = excluded.filter,
                weekdays = excluded.weekdays, paused_reason = excluded.paused_reason
            """, connection)
            .With("id", schedule.Id)
            .With("platform", schedule.Platform)
            .With("channel", schedule.ChannelId)
            // Minutes, as the LiteDB store keeps them (HH:mm).
            .With("time", new TimeOnly(schedule.LocalTime.Hour, schedule.LocalTime.Minute))
            .With("zone", schedule.TimeZoneId)
            .With("top", schedule.Top)
            .With("filter", schedule.Filter)
            .With("weekdays", schedule.Weekdays.Select(d => (int)d).ToArray())
            .With("paused", schedule.PausedReason);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(string scheduleId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM daily_schedules WHERE id = @id", connection).With("id", scheduleId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
