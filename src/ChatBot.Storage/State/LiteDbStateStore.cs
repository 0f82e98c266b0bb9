using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using LiteDB;

namespace ChatBot.Storage.State;

/// <summary>Named values in the <c>state</c> collection, each written in its own transaction.</summary>
internal sealed class LiteDbStateStore(ChatBotDatabase database) : IStateStore
{
    internal const string CollectionName = "state";

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var document = database.Database.GetCollection(CollectionName).FindById(key);
        return Task.FromResult(document?["value"] is { IsString: true } value ? value.AsString : null);
    }

    public Task SetAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        lock (database.WriteLock)
        {
            database.Database.GetCollection(CollectionName).Upsert(new BsonDocument { ["_id"] = key, ["value"] = value });
        }

        return Task.CompletedTask;
    }

    /// <summary>Every named value, by key: for <c>migrate</c>.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> ReadAll() =>
        [.. database.Database.GetCollection(CollectionName).FindAll()
            .Where(d => d["value"].IsString)
            .Select(d => KeyValuePair.Create(d["_id"].AsString, d["value"].AsString))
            .OrderBy(p => p.Key, StringComparer.Ordinal)];
}
