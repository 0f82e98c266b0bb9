using System.Globalization;
using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// Alerts in the <c>alerts</c> collection, indexed by owner. Ids are short decimal numbers from a
/// counter in <c>meta</c>, so users can type them; ownership is checked by the commands. Each user's
/// delivery settings are one document in <c>alert_settings</c>; the first use of the store moves
/// settings an older version left in <c>state</c> there (<see cref="AlertSettingsMigration"/>).
/// </summary>
/// <param name="database">The database.</param>
/// <param name="logger">Where the settings migration is told.</param>
/// <param name="listChunk">Alerts read per query when every active alert is listed (<see cref="ChunkedRead"/>).</param>
internal sealed class LiteDbAlertStore(ChatBotDatabase database, ILogger<LiteDbAlertStore> logger, int listChunk = LiteDbAlertStore.ListChunk) : IAlertStore
{
    /// <summary>Alerts read per query by <see cref="ListActiveAsync"/>: a few hundred KB, however many alerts there are.</summary>
    public const int ListChunk = 2_000;

    private const string CollectionName = "alerts";
    private const string MetaCollectionName = "meta";
    private const string CounterId = "alert-id";
    private volatile bool _prepared;

    private ILiteCollection<BsonDocument> Alerts
    {
        get
        {
            Prepare();
            return database.Database.GetCollection(CollectionName);
        }
    }

    public Task<Alert?> TryAddAsync(Alert alert, int maxPerOwner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var owner = Owner(alert.Platform, alert.UserId);
        return InTransaction<Alert?>(db =>
        {
            var alerts = db.GetCollection(CollectionName);
            if (alerts.Count(Query.EQ("Owner", owner)) >= maxPerOwner)
            {
                return null;
            }

            var meta = db.GetCollection(MetaCollectionName);
            var next = (meta.FindById(CounterId)?["value"].AsInt64 ?? 0) + 1;
            meta.Upsert(new BsonDocument { ["_id"] = CounterId, ["value"] = next });
            var stored = alert with { Id = next.ToString(CultureInfo.InvariantCulture) };
            alerts.Insert(ToDocument(stored));
            return stored;
        });
    }

    public Task<IReadOnlyList<Alert>> UpdateAsync(IReadOnlyCollection<string> alertIds, Func<Alert, Alert> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        ArgumentNullException.ThrowIfNull(change);
        return InTransaction<IReadOnlyList<Alert>>(db =>
        {
            var alerts = db.GetCollection(CollectionName);
            var changed = new List<Alert>(alertIds.Count);
            foreach (var id in alertIds.Distinct(StringComparer.Ordinal))
            {
                if (alerts.FindById(id) is { } document)
                {
                    var updated = change(FromDocument(document)) with { Id = id };
                    alerts.Update(ToDocument(updated));
                    changed.Add(updated);
                }
            }

            return changed;
        });
    }

    public Task<bool> RemoveAsync(string alertId, CancellationToken cancellationToken = default) =>
        InTransaction(db => db.GetCollection(CollectionName).Delete(alertId));

    public Task<IReadOnlyList<Alert>> ListForUserAsync(string platform, string userId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Alert> alerts = [.. Alerts.Find(Query.EQ("Owner", Owner(platform, userId))).Select(FromDocument)];
        return Task.FromResult(alerts);
    }

    public Task<IReadOnlyList<Alert>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        // Read at every alert batch: in chunks, so the page cache never holds the whole collection at once.
        IReadOnlyList<Alert> alerts = [.. ChunkedRead.ById(Alerts, listChunk).Select(FromDocument).Where(a => !a.IsPaused)];
        return Task.FromResult(alerts);
    }

    public Task<AlertDeliverySettings> GetSettingsAsync(string platform, string userId, CancellationToken cancellationToken = default)
    {
        Prepare();
        var document = database.Database.GetCollection(AlertSettingsDocument.CollectionName).FindById(AlertSettingsDocument.Id(platform, userId));
        return Task.FromResult(document is null ? AlertDeliverySettings.For(platform, userId) : AlertSettingsDocument.To(document));
    }

    public Task<AlertDeliverySettings> UpdateSettingsAsync(
        string platform, string userId, Func<AlertDeliverySettings, AlertDeliverySettings> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return InTransaction(db =>
        {
            var settings = db.GetCollection(AlertSettingsDocument.CollectionName);
            var current = settings.FindById(AlertSettingsDocument.Id(platform, userId)) is { } document
                ? AlertSettingsDocument.To(document)
                : AlertDeliverySettings.For(platform, userId);
            var changed = change(current) with { Platform = platform, UserId = userId };
            settings.Upsert(AlertSettingsDocument.From(changed));
            return changed;
        });
    }

    // LiteDB binds a transaction to its thread, and the write lock keeps other stores' transactions out meanwhile.
    private Task<T> InTransaction<T>(Func<LiteDatabase, T> work)
    {
        Prepare(); // the owner index and the settings exist before the first transaction uses them
        var db = database.Database;
        lock (database.WriteLock)
        {
            db.BeginTrans();
            try
            {
                var result = work(db);
                db.Commit();
                return Task.FromResult(result);
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }
    }

    // Once per process, before anything reads: the owner index, and settings an older version kept in state.
    private void Prepare()
    {
        if (_prepared)
        {
            return;
        }

        lock (database.WriteLock)
        {
            if (_prepared)
            {
                return;
            }

            database.Database.GetCollection(CollectionName).EnsureIndex("Owner");
            if (AlertSettingsMigration.Run(database.Database) is > 0 and var moved)
            {
                Log.AlertSettingsMigrated(logger, moved);
            }

            _prepared = true;
        }
    }

    /// <summary>Every alert by id, every stored setting and the last id handed out: for <c>migrate</c>.</summary>
    internal (IReadOnlyList<Alert> Alerts, IReadOnlyList<AlertDeliverySettings> Settings, long LastId) ReadAll()
    {
        var alerts = Alerts.FindAll().Select(FromDocument).OrderBy(a => a.Id.Length).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var settings = database.Database.GetCollection(AlertSettingsDocument.CollectionName).FindAll().Select(AlertSettingsDocument.To)
            .OrderBy(s => s.Platform, StringComparer.Ordinal).ThenBy(s => s.UserId, StringComparer.Ordinal).ToList();
        var lastId = database.Database.GetCollection(MetaCollectionName).FindById(CounterId)?["value"].AsInt64 ?? 0;
        return (alerts, settings, lastId);
    }

    private static string Owner(string platform, string userId) => $"{platform}:{userId}";

    private static BsonDocument ToDocument(Alert alert) => new()
    {
        ["_id"] = alert.Id,
        ["Owner"] = Owner(alert.Platform, alert.UserId),
        ["Platform"] = alert.Platform,
        ["User"] = alert.UserId,
        ["Query"] = alert.Query,
        ["Created"] = alert.CreatedAt.UtcTicks,
        ["Paused"] = alert.PausedReason is null ? BsonValue.Null : new BsonValue(alert.PausedReason),
        ["Matches"] = alert.Matches,
        ["Like"] = alert.Like is { } like ? new BsonValue(like.Value) : BsonValue.Null,
    };

    private static Alert FromDocument(BsonDocument document) => new()
    {
        Id = document["_id"].AsString,
        Platform = document["Platform"].AsString,
        UserId = document["User"].AsString,
        Query = document["Query"].AsString,
        CreatedAt = new DateTimeOffset(document["Created"].AsInt64, TimeSpan.Zero),
        PausedReason = document["Paused"].IsString ? document["Paused"].AsString : null,
        Matches = document["Matches"].AsInt32,
        // Absent in alerts stored before alerts by example: a query alert.
        Like = document["Like"].IsString && PaperId.TryParse(document["Like"].AsString, out var like) ? like : null,
    };
}
