using System.Diagnostics;
using ChatBot.Core.Alerts;
using ChatBot.Core.Storage;

namespace ChatBot.Benchmarks.Hosting;

/// <summary>
/// Times the delivery log's batch writes apart from the matching that feeds them: a batch's matches are made as the
/// log reads them, so the time spent getting the next user's matches is taken out of the write time. Also counts the
/// (alert, paper) matches and users that went through.
/// </summary>
internal sealed class TimedDeliveryLog(IDeliveryLog inner) : IDeliveryLog
{
    public TimeSpan RecordTime { get; private set; }

    public long Matches { get; private set; }

    public int AlertsMatched { get; private set; }

    public int Users { get; private set; }

    public int Recorded { get; private set; }

    public Task<long> RecordedThroughAsync(CancellationToken cancellationToken = default) => inner.RecordedThroughAsync(cancellationToken);

    public async Task<int> RecordBatchAsync(DeliveryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var matching = TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();
        var recorded = await inner.RecordBatchAsync(batch with { Users = Timed(batch.Users, spent => matching += spent) }, cancellationToken);
        RecordTime += Stopwatch.GetElapsedTime(started) - matching;
        Recorded += recorded;
        return recorded;
    }

    public IAsyncEnumerable<IReadOnlyList<Delivery>> PendingByUserAsync(CancellationToken cancellationToken = default) => inner.PendingByUserAsync(cancellationToken);

    public Task SaveAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken = default) => inner.SaveAsync(deliveries, cancellationToken);

    public Task<int> DropPendingAsync(string platform, string userId, string reason, CancellationToken cancellationToken = default) =>
        inner.DropPendingAsync(platform, userId, reason, cancellationToken);

    private IEnumerable<UserMatches> Timed(IEnumerable<UserMatches> users, Action<TimeSpan> spent)
    {
        using var e = users.GetEnumerator();
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var more = e.MoveNext();
            var user = more ? e.Current : null;
            if (user is not null)
            {
                Users++;
                foreach (var alert in user.Alerts)
                {
                    AlertsMatched++;
                    Matches += alert.Count;
                }
            }

            spent(Stopwatch.GetElapsedTime(started));
            if (user is null)
            {
                yield break;
            }

            yield return user;
        }
    }
}
