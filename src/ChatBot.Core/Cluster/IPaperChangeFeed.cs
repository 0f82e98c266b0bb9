namespace ChatBot.Core.Cluster;

/// <summary>
/// Wakes a process's search index when any process stores papers (PostgreSQL LISTEN/NOTIFY), so it need not wait for
/// its next poll. A signal is only a hint: the index still reads by revision, and polls when none comes.
/// </summary>
public interface IPaperChangeFeed
{
    /// <summary>Waits until papers were stored since the last call returned, or <paramref name="timeout"/> passed. True when signalled.</summary>
    Task<bool> WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
