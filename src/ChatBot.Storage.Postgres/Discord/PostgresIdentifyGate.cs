using ChatBot.Core.Chat;
using ChatBot.Storage.Postgres.Database;
using Npgsql;

namespace ChatBot.Storage.Postgres.Discord;

/// <summary>
/// The <see cref="IIdentifyGate"/> shared by every process on the database: a row per rate-limit bucket holding when
/// a shard last identified, read and moved on under the row's lock (<c>FOR UPDATE</c>), so two processes cannot both
/// take one bucket's turn. Times come from the database's clock, so processes whose clocks differ still agree. A
/// process that must wait releases the row and comes back after the wait the database named.
/// </summary>
internal sealed class PostgresIdentifyGate(PostgresDatabase database, TimeProvider timeProvider) : IIdentifyGate
{
    public async Task WaitTurnAsync(int bucket, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = await TryTakeTurnAsync(bucket, interval, cancellationToken);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, timeProvider, cancellationToken);
        }
    }

    /// <summary>Takes the bucket's turn and returns zero, or returns how long until its last turn is <paramref name="interval"/> old.</summary>
    private Task<TimeSpan> TryTakeTurnAsync(int bucket, TimeSpan interval, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await using (var ensure = new NpgsqlCommand(
                    "INSERT INTO discord_identify_buckets (bucket, identified_at) VALUES (@bucket, 'epoch') ON CONFLICT (bucket) DO NOTHING",
                    connection,
                    transaction).With("bucket", bucket))
                {
                    await ensure.ExecuteNonQueryAsync(cancellationToken);
                }

                await using var read = new NpgsqlCommand(
                    """
                    SELECT extract(epoch FROM identified_at + @interval - clock_timestamp()) * 1000
                    FROM discord_identify_buckets WHERE bucket = @bucket FOR UPDATE
                    """,
                    connection,
                    transaction).With("bucket", bucket).With("interval", interval);
                var waitMs = Convert.ToDouble(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                if (waitMs > 0)
                {
                    // Rounded up: waking a millisecond early would only mean one more round trip.
                    return TimeSpan.FromMilliseconds(Math.Ceiling(waitMs));
                }

                await using var take = new NpgsqlCommand(
                    "UPDATE discord_identify_buckets SET identified_at = clock_timestamp() WHERE bucket = @bucket", connection, transaction).With("bucket", bucket);
                await take.ExecuteNonQueryAsync(cancellationToken);
                return TimeSpan.Zero;
            },
            cancellationToken);
}
