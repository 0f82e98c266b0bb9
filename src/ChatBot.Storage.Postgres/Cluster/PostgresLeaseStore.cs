using ChatBot.Core.Cluster;
using ChatBot.Storage.Postgres.Database;
using Npgsql;

namespace ChatBot.Storage.Postgres.Cluster;

/// <summary>
/// Leases as rows of <c>leases</c> with an expiry on the database's clock (<c>clock_timestamp()</c>, which every
/// process shares, unlike their own clocks). Taking and renewing are one statement: the row changes hands only when it
/// is expired, so two processes can never both succeed for one term.
/// </summary>
internal sealed class PostgresLeaseStore(PostgresDatabase database) : ILeaseStore
{
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO leases (name, holder, term, expires_at) VALUES (@name, @holder, 1, clock_timestamp() + @duration)
            ON CONFLICT (name) DO UPDATE SET
                holder = excluded.holder,
                expires_at = excluded.expires_at,
                term = CASE WHEN leases.holder = excluded.holder AND leases.expires_at > clock_timestamp() THEN leases.term ELSE leases.term + 1 END
            WHERE leases.holder = excluded.holder OR leases.expires_at <= clock_timestamp()
            RETURNING term
            """, connection)
            .With("name", name)
            .With("holder", holder)
            .With("duration", duration);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM leases WHERE name = @name AND holder = @holder", connection)
            .With("name", name)
            .With("holder", holder);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string?> FindHolderAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT holder FROM leases WHERE name = @name AND expires_at > clock_timestamp()", connection)
            .With("name", name);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
