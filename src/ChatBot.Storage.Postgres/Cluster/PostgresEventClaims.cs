using ChatBot.Core.Cluster;
using ChatBot.Storage.Postgres.Database;
using Npgsql;

namespace ChatBot.Storage.Postgres.Cluster;

/// <summary>
/// Claims in <c>claims</c>, keyed by platform and key: <c>INSERT … ON CONFLICT DO NOTHING</c>, so of two processes
/// inserting one key the second waits for the first's commit and inserts nothing. Rows older than
/// <see cref="Keep"/> (long past any platform's redelivery) are pruned by whichever process claims next, at most
/// every <see cref="PruneEvery"/>.
/// </summary>
internal sealed class PostgresEventClaims(PostgresDatabase database, TimeProvider clock) : IEventClaims
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(1);
    public static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    private long _lastPrune = long.MinValue;

    public async Task<bool> TryClaimAsync(string platform, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(keys);
        var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        await using var connection = await database.OpenAsync(cancellationToken);
        await PruneIfDueAsync(connection, cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO claims (platform, key) SELECT @platform, unnest(@keys) ON CONFLICT DO NOTHING", connection)
            .With("platform", platform)
            .With("keys", distinct);
        // Any key claimed before means the delivery is another's (the keys this call did insert only widen the net).
        return await command.ExecuteNonQueryAsync(cancellationToken) == distinct.Length;
    }

    private async Task PruneIfDueAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref _lastPrune);
        if (last != long.MinValue && clock.GetElapsedTime(last, now) < PruneEvery)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _lastPrune, now, last) != last)
        {
            return;
        }

        await using var prune = new NpgsqlCommand("DELETE FROM claims WHERE claimed_at < now() - @keep", connection).With("keep", Keep);
        await prune.ExecuteNonQueryAsync(cancellationToken);
    }
}
