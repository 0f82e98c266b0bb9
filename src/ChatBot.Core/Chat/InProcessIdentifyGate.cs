using System.Collections.Concurrent;

namespace ChatBot.Core.Chat;

/// <summary>
/// The <see cref="IIdentifyGate"/> of one process (the LiteDB default): one lock and one last-turn time per bucket,
/// so the shards this process holds take turns within a bucket and run side by side across buckets.
/// </summary>
public sealed class InProcessIdentifyGate(TimeProvider timeProvider) : IIdentifyGate, IDisposable
{
    private readonly ConcurrentDictionary<int, Bucket> _buckets = new();

    public async Task WaitTurnAsync(int bucket, TimeSpan interval, CancellationToken cancellationToken)
    {
        var state = _buckets.GetOrAdd(bucket, _ => new Bucket());
        await state.Lock.WaitAsync(cancellationToken);
        try
        {
            if (state.LastTurn is { } last && interval - timeProvider.GetElapsedTime(last) is { } wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken);
            }

            state.LastTurn = timeProvider.GetTimestamp();
        }
        finally
        {
            state.Lock.Release();
        }
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Lock.Dispose();
        }
    }

    private sealed class Bucket
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public long? LastTurn { get; set; }
    }
}
