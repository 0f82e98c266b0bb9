using ChatBot.Core.Alerts;
using ChatBot.Core.Storage;

namespace ChatBot.Testing;

/// <summary>Every pending delivery of a log in one list, for tests that check what is pending as a whole.</summary>
public static class DeliveryLogReading
{
    public static async Task<IReadOnlyList<Delivery>> PendingAsync(this IDeliveryLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var pending = new List<Delivery>();
        await foreach (var user in log.PendingByUserAsync(cancellationToken))
        {
            pending.AddRange(user);
        }

        return pending;
    }
}
