using ChatBot.Core.Alerts;
using ChatBot.Storage.State;
using LiteDB;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// Moves delivery settings that older versions kept as <c>state</c> values (<c>alerts:digest:{platform}:{user}</c>
/// holding the digest choice, <c>alerts:digest-sent:{platform}:{user}</c> the local date of the last digest) into
/// the user's <c>alert_settings</c> document, and deletes those values, in one transaction: run again, it finds
/// nothing to move. Each old value overwrites its field, since it can only be newer than the document
/// (an older version wrote it after this one ran).
/// </summary>
internal static class AlertSettingsMigration
{
    public const string DigestPrefix = "alerts:digest:";
    public const string DigestSentPrefix = "alerts:digest-sent:";

    /// <summary>Moves what it finds; returns how many users' settings were moved (0 when there was nothing).</summary>
    public static int Run(LiteDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var state = db.GetCollection(LiteDbStateStore.CollectionName);
        if (!state.Exists(Query.StartsWith("_id", DigestPrefix)) && !state.Exists(Query.StartsWith("_id", DigestSentPrefix)))
        {
            return 0;
        }

        db.BeginTrans();
        try
        {
            var settings = db.GetCollection(AlertSettingsDocument.CollectionName);
            var moved = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (prefix, document) in Old(state, DigestPrefix).Concat(Old(state, DigestSentPrefix)))
            {
                var id = document["_id"].AsString;
                if (Owner(id[prefix.Length..]) is var (platform, userId))
                {
                    var value = document["value"].IsString ? document["value"].AsString : null;
                    var current = settings.FindById(AlertSettingsDocument.Id(platform, userId)) is { } stored
                        ? AlertSettingsDocument.To(stored)
                        : AlertDeliverySettings.For(platform, userId);
                    var changed = prefix == DigestPrefix
                        ? current with { Digest = AlertDigest.FromStored(value) }
                        : current with { DigestSentOn = AlertSettingsDocument.ParseDate(value) };
                    settings.Upsert(AlertSettingsDocument.From(changed));
                    moved.Add(AlertSettingsDocument.Id(platform, userId));
                }

                // A key naming no user was never read; it goes with the rest.
                state.Delete(id);
            }

            db.Commit();
            return moved.Count;
        }
        catch
        {
            db.Rollback();
            throw;
        }
    }

    private static IEnumerable<(string Prefix, BsonDocument Document)> Old(ILiteCollection<BsonDocument> state, string prefix) =>
        state.Find(Query.StartsWith("_id", prefix)).ToList().Select(d => (prefix, d));

    // "{platform}:{user}": platform names have no colon; the user id is the rest.
    private static (string Platform, string UserId)? Owner(string owner)
    {
        var colon = owner.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < owner.Length - 1 ? (owner[..colon], owner[(colon + 1)..]) : null;
    }
}
