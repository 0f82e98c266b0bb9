using ChatBot.Core;
using ChatBot.Core.Chat;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Postgres.Database;
using Npgsql;

namespace ChatBot.Storage.Postgres.DailyThreads;

/// <summary>
/// The daily threads' post log in <c>daily_posts</c>, one row per schedule and local date. Each save is one
/// statement (its own transaction), so a step is durable before the next message is sent, and any process reads
/// the thread where the last one left it. Several processes must not post one schedule at once (the leader lease sees
/// to that); as a fence behind it, an update is applied under the row's lock only when it does not move the day
/// backwards (a finished day back to started, fewer replies, another thread), and such a save is refused with an
/// error: a process that lost the lease and wakes up late cannot rewind what its successor recorded.
/// </summary>
internal sealed class PostgresPostLog(PostgresDatabase database) : IPostLog
{
    public async Task<DailyThreadRecord?> FindAsync(string scheduleId, DateOnly localDate, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT schedule_id, local_date, state, papers, thread_channel, thread_parent, thread_id,
                   replies_sent, failures, last_error, retry_at_ticks, note
            FROM daily_posts WHERE schedule_id = @schedule AND local_date = @date
            """, connection)
            .With("schedule", scheduleId)
            .With("date", localDate);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return Read(reader);
    }

    public async Task SaveAsync(DailyThreadRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO daily_posts (schedule_id, local_date, state, papers, thread_channel, thread_parent, thread_id,
                                     replies_sent, failures, last_error, retry_at_ticks, note)
            VALUES (@schedule, @date, @state, @papers, @channel, @parent, @thread, @replies, @failures, @error, @retry, @note)
            ON CONFLICT (schedule_id, local_date) DO UPDATE SET
                state = excluded.state, papers = excluded.papers, thread_channel = excluded.thread_channel,
                thread_parent = excluded.thread_parent, thread_id = excluded.thread_id, replies_sent = excluded.replies_sent,
                failures = excluded.failures, last_error = excluded.last_error, retry_at_ticks = excluded.retry_at_ticks,
                note = excluded.note
            WHERE (daily_posts.state NOT IN ('Completed', 'Skipped') OR excluded.state IN ('Completed', 'Skipped'))
              AND excluded.replies_sent >= daily_posts.replies_sent
              AND (daily_posts.thread_id IS NULL OR excluded.thread_id IS NOT DISTINCT FROM daily_posts.thread_id)
            """, connection)
            .With("schedule", record.ScheduleId)
            .With("date", record.LocalDate)
            .With("state", record.State.ToString())
            .With("papers", record.Papers.Select(p => p.Value).ToArray())
            .With("channel", record.Thread?.ChannelId)
            .With("parent", record.Thread?.ParentMessageId)
            .With("thread", record.Thread?.ThreadId)
            .With("replies", record.RepliesSent)
            .With("failures", record.Failures)
            .With("error", record.LastError)
            .With("retry", record.RetryAt.ToTicks())
            .With("note", record.Note);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new ChatBotException(
                $"Daily thread {record.ScheduleId} {record.LocalDate:yyyy-MM-dd}: the post log is further on than this save (another process posted more of it), so it is refused rather than posted twice.");
        }
    }

    public async Task<IReadOnlySet<PaperId>> PostedPapersAsync(string scheduleId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT DISTINCT unnest(papers) FROM daily_posts WHERE schedule_id = @schedule", connection)
            .With("schedule", scheduleId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var posted = new HashSet<PaperId>();
        while (await reader.ReadAsync(cancellationToken))
        {
            posted.Add(PaperId.Parse(reader.GetString(0)));
        }

        return posted;
    }

    internal const string Columns = "schedule_id, local_date, state, papers, thread_channel, thread_parent, thread_id, replies_sent, failures, last_error, retry_at_ticks, note";

    internal static DailyThreadRecord Read(NpgsqlDataReader reader) => new()
    {
        ScheduleId = reader.GetString(0),
        LocalDate = reader.GetFieldValue<DateOnly>(1),
        State = Enum.Parse<DailyThreadState>(reader.GetString(2)),
        Papers = [.. reader.GetFieldValue<string[]>(3).Select(PaperId.Parse)],
        Thread = reader.IsDBNull(4) ? null : new ThreadRef(reader.GetString(4), reader.GetString(5), reader.GetString(6)),
        RepliesSent = reader.GetInt32(7),
        Failures = reader.GetInt32(8),
        LastError = reader.NullableString(9),
        RetryAt = reader.NullableTicks(10),
        Note = reader.NullableString(11),
    };
}
