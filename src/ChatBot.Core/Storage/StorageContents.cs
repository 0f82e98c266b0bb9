using ChatBot.Core.Alerts;
using ChatBot.Core.DailyThreads;

namespace ChatBot.Core.Storage;

/// <summary>
/// Everything a store holds besides the papers (which are read and copied in pages by sequence), in one order for
/// either provider, so <c>migrate</c> can copy it and then compare the copy with its source.
/// </summary>
public sealed record StorageContents
{
    /// <summary>Every alert, paused or not, by id.</summary>
    public IReadOnlyList<Alert> Alerts { get; init; } = [];

    /// <summary>The last alert id handed out (ids are numbers users type; a new one must not reuse a removed one's).</summary>
    public long LastAlertId { get; init; }

    /// <summary>Every user's stored delivery settings, by platform and user.</summary>
    public IReadOnlyList<AlertDeliverySettings> AlertSettings { get; init; } = [];

    /// <summary>Schedules set by admin commands, by id.</summary>
    public IReadOnlyList<DailyThreadSchedule> Schedules { get; init; } = [];

    /// <summary>The daily threads' post log, by schedule and date.</summary>
    public IReadOnlyList<DailyThreadRecord> Posts { get; init; } = [];

    /// <summary>Named values (cursors, the registered command set's hash), by key.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> State { get; init; } = [];

    /// <summary>The deliveries still pending, by user and sequence; what was sent is behind <see cref="DeliveriesRecordedThrough"/>.</summary>
    public IReadOnlyList<Delivery> PendingDeliveries { get; init; } = [];

    /// <summary>
    /// The delivery log's "recorded through" sequence: papers at or before it are never matched for delivery again,
    /// which is what keeps a migrated bot from sending what was already sent.
    /// </summary>
    public long DeliveriesRecordedThrough { get; init; }

    /// <summary>The store's highest paper sequence and revision (the next paper continues from them).</summary>
    public long LastSequence { get; init; }

    public long LastRevision { get; init; }

    /// <summary>Deliveries in the order both providers list them here: by platform, user, sequence and paper.</summary>
    public static IReadOnlyList<Delivery> InOrder(IEnumerable<Delivery> deliveries) =>
        [.. deliveries.OrderBy(d => d.Platform, StringComparer.Ordinal).ThenBy(d => d.UserId, StringComparer.Ordinal)
            .ThenBy(d => d.Sequence).ThenBy(d => d.PaperId.Value, StringComparer.Ordinal)];

    /// <summary>Every pending delivery of <paramref name="log"/> in <see cref="InOrder"/>'s order (all users at once: for migrate's copy and comparison).</summary>
    public static async Task<IReadOnlyList<Delivery>> PendingInOrderAsync(IDeliveryLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var pending = new List<Delivery>();
        await foreach (var user in log.PendingByUserAsync(cancellationToken))
        {
            pending.AddRange(user);
        }

        return InOrder(pending);
    }
}
