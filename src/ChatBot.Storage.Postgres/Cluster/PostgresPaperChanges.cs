using ChatBot.Core.Cluster;
using ChatBot.Core.Resilience;
using ChatBot.Storage.Postgres.Database;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatBot.Storage.Postgres.Cluster;

/// <summary>
/// The paper store sends <c>NOTIFY chatbot_papers</c> in each upsert that stores something (PostgreSQL delivers it
/// at commit, so a listener never reads ahead of the data); this listens on one dedicated connection, opened at the
/// first wait. When the connection drops it reconnects with <see cref="Reconnect"/> backoff, and meanwhile
/// <see cref="WaitForChangeAsync"/> simply times out: the caller's polling is the fallback. A (re)connect signals
/// once, for what may have been stored while nobody listened.
/// </summary>
internal sealed class PostgresPaperChanges(PostgresDatabase database, TimeProvider clock, ILogger<PostgresPaperChanges> logger)
    : IPaperChangeFeed, IAsyncDisposable
{
    public const string Channel = "chatbot_papers";

    /// <summary>How long the listener waits for a notification before it checks the connection is still alive.</summary>
    public static readonly TimeSpan LivenessCheck = TimeSpan.FromSeconds(15);

    private static readonly Backoff Reconnect = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    private readonly SemaphoreSlim _changed = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _listening;

    /// <summary>True while the listening connection is open (for tests and the logs).</summary>
    public bool Listening { get; private set; }

    public async Task<bool> WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _listening ??= Task.Run(() => ListenAsync(_stop.Token), CancellationToken.None);
        }

        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _changed.WaitAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_listening is not null)
        {
            await _listening;
        }

        _stop.Dispose();
        _changed.Dispose();
    }

    private async Task ListenAsync(CancellationToken stop)
    {
        for (var failures = 0; !stop.IsCancellationRequested;)
        {
            try
            {
                await using var connection = await database.OpenAsync(stop);
                connection.Notification += (_, _) => Signal();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }

                // Signalled before Listening is set, so whoever sees Listening also finds the signal given.
                Signal();
                Listening = true;
                failures = 0;
                Log.PaperChangesListening(logger, Channel);
                while (true)
                {
                    if (!await connection.WaitAsync(LivenessCheck, stop))
                    {
                        // No notification for a while: a round trip proves the connection (and so the LISTEN) still holds.
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteNonQueryAsync(stop);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure of the listening connection falls back to polling and reconnects.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Listening = false;
                var delay = Reconnect.Delay(++failures);
                Log.PaperChangesListenFailed(logger, delay, e.Message);
                try
                {
                    await Task.Delay(delay, clock, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            finally
            {
                Listening = false;
            }
        }
    }

    private void Signal()
    {
        lock (_gate)
        {
            if (_changed.CurrentCount == 0)
            {
                _changed.Release();
            }
        }
    }
}
