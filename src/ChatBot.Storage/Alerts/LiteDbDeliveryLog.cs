using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using LiteDB;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// Deliveries in the <c>deliveries</c> collection keyed by <c>{platform}:{user}|{paper}</c>, so a
/// (user, paper) pair can be recorded once only; pending ones are found through an index on the state.
/// </summary>
internal sealed class LiteDbDeliveryLog(ChatBotDatabase database) : IDeliveryLog
{
    private const string CollectionName = "deliveries";

    private ILiteCollection<BsonDocument> Deliveries
    {
        get
        {
            var collection = database.Database.GetCollection(CollectionName);
            collection.EnsureIndex("State");
            return collection;
        }
    }

    public Task<IReadOnlyList<Delivery>> RecordNewAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var collection = Deliveries;
        var db = database.Database;
        var recorded = new List<Delivery>();
        lock (database.WriteLock)
        {
            db.BeginTrans();
            try
            {
                foreach (var delivery in deliveries)
                {
                    if (collection.FindById(delivery.Key) is null)
                    {
                        collection.Insert(ToDocument(delivery));
                        recorded.Add(delivery);
                    }
                }

                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }

        return Task.FromResult<IReadOnlyList<Delivery>>(recorded);
    }

    public Task<IReadOnlyList<Delivery>> PendingAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Delivery> pending = [.. Deliveries.Find(Query.EQ("State", nameof(DeliveryState.Pending))).Select(FromDocument)];
        return Task.FromResult(pending);
    }

    public Task SaveAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var collection = Deliveries;
        var db = database.Database;
        lock (database.WriteLock)
        {
            db.BeginTrans();
            try
            {
                foreach (var delivery in deliveries)
                {
                    collection.Upsert(ToDocument(delivery));
                }

                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> DropPendingAsync(string platform, string userId, string reason, CancellationToken cancellationToken = default)
    {
        var collection = Deliveries;
        var db = database.Database;
        lock (database.WriteLock)
        {
            db.BeginTrans();
            try
            {
                var dropped = 0;
                var mine = collection.Find(Query.And(
                    Query.EQ("State", nameof(DeliveryState.Pending)),
                    Query.EQ("Platform", platform),
                    Query.EQ("User", userId))).ToList();
                foreach (var document in mine)
                {
                    collection.Update(ToDocument(FromDocument(document) with { State = DeliveryState.Dropped, RetryAt = null, LastError = reason }));
                    dropped++;
                }

                db.Commit();
                return Task.FromResult(dropped);
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }
    }

    private static BsonDocument ToDocument(Delivery delivery) => new()
    {
        ["_id"] = delivery.Key,
        ["Platform"] = delivery.Platform,
        ["User"] = delivery.UserId,
        ["Paper"] = delivery.PaperId.Value,
        ["Alerts"] = new BsonArray(delivery.AlertIds.Select(a => new BsonValue(a))),
        ["State"] = delivery.State.ToString(),
        ["Attempts"] = delivery.Attempts,
        ["RetryAt"] = delivery.RetryAt is { } retryAt ? new BsonValue(retryAt.UtcTicks) : BsonValue.Null,
        ["Error"] = delivery.LastError is null ? BsonValue.Null : new BsonValue(delivery.LastError),
    };

    private static Delivery FromDocument(BsonDocument document) => new()
    {
        Platform = document["Platform"].AsString,
        UserId = document["User"].AsString,
        PaperId = PaperId.Parse(document["Paper"].AsString),
        AlertIds = [.. document["Alerts"].AsArray.Select(a => a.AsString)],
        State = Enum.Parse<DeliveryState>(document["State"].AsString),
        Attempts = document["Attempts"].AsInt32,
        RetryAt = document["RetryAt"].IsNumber ? new DateTimeOffset(document["RetryAt"].AsInt64, TimeSpan.Zero) : null,
        LastError = document["Error"].IsString ? document["Error"].AsString : null,
    };
}
