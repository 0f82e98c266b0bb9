using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Alerts;
using ChatBot.Storage.DailyThreads;
using ChatBot.Storage.Papers;
using ChatBot.Storage.State;
using Microsoft.Extensions.Logging;

namespace ChatBot.Storage.Database;

/// <summary>
/// Reads a LiteDB database for <c>migrate --to postgres</c>, whichever provider the host runs: the papers in pages by
/// sequence, and everything else as <see cref="StorageContents"/> (with the delivery log's pending deliveries and its
/// "recorded through" sequence, which stands for every delivery already settled).
/// </summary>
public sealed class LiteDbExport
{
    private readonly LiteDbPaperStore _papers;
    private readonly LiteDbAlertStore _alerts;
    private readonly LiteDbPostLog _posts;
    private readonly LiteDbStateStore _state;
    private readonly LiteDbScheduleStore _schedules;
    private readonly LiteDbDeliveryLog _deliveries;

    public LiteDbExport(ChatBotDatabase database, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _papers = new LiteDbPaperStore(database, timeProvider);
        _alerts = new LiteDbAlertStore(database, loggerFactory.CreateLogger<LiteDbAlertStore>());
        _posts = new LiteDbPostLog(database);
        _state = new LiteDbStateStore(database);
        _schedules = new LiteDbScheduleStore(database);
        _deliveries = new LiteDbDeliveryLog(database);
    }

    /// <summary>The papers, to read in pages by sequence (<see cref="IPaperStore.ReadAfterAsync"/>).</summary>
    public IPaperStore Papers => _papers;

    public async Task<StorageContents> ReadAsync(CancellationToken cancellationToken)
    {
        var (alerts, settings, lastAlertId) = _alerts.ReadAll();
        var stats = await _papers.GetCountersAsync(cancellationToken);
        return new StorageContents
        {
            Alerts = alerts,
            LastAlertId = lastAlertId,
            AlertSettings = settings,
            Schedules = [.. (await _schedules.ListAsync(cancellationToken)).OrderBy(s => s.Id, StringComparer.Ordinal)],
            Posts = _posts.ReadAll(),
            State = _state.ReadAll(),
            PendingDeliveries = await StorageContents.PendingInOrderAsync(_deliveries, cancellationToken),
            DeliveriesRecordedThrough = await _deliveries.RecordedThroughAsync(cancellationToken),
            LastSequence = stats.LastSequence,
            LastRevision = stats.LastRevision,
        };
    }
}
