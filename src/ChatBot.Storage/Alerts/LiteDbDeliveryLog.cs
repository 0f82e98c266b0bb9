using System.Buffers;
using System.Numerics;
using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using LiteDB;

namespace ChatBot.Storage.Alerts;

/// <summary>
/// The delivery log in three collections. <c>alert_matches</c>: a batch's matches as a few pages of bytes
/// (<see cref="MatchPageCodec"/>, about 2 MB each), each with the batch's paper table (sequences and ids), written in one
/// transaction with <c>alert_log</c>'s "recorded through" sequence. <c>alert_recipients</c>: per user, the sequence
/// their papers are settled through and the attempts, retry time and error of their pending ones. A user's paper is
/// pending while its sequence is past their "settled through"; a page none of whose papers is pending any more is
/// deleted. A batch of a million matches is so a few inserts rather than a million rows.
/// <para>
/// Databases written before keep their <c>deliveries</c> collection (one row per (user, paper), keyed
/// <c>{platform}:{user}|{paper}</c>): its pending rows are read and saved as before (their <see cref="Delivery.Sequence"/>
/// is 0), and the first batch recorded after the upgrade leaves out the pairs it already holds (that batch may have
/// been half recorded the old way when the old version stopped).
/// </para>
/// </summary>
/// <param name="database">The database.</param>
/// <param name="pageBytes">Bytes of matches per stored page.</param>
/// <param name="readChunk">Stored pages read per query when the pending deliveries are listed (<see cref="ChunkedRead"/>).</param>
internal sealed class LiteDbDeliveryLog(ChatBotDatabase database, int pageBytes = LiteDbDeliveryLog.PageBytes, int readChunk = LiteDbDeliveryLog.ReadChunk) : IDeliveryLog
{
    private const string LegacyCollection = "deliveries";
    private const string PagesCollection = "alert_matches";
    private const string RecipientsCollection = "alert_recipients";
    private const string LogCollection = "alert_log";
    private const string RecordedId = "recorded";

    // Bytes of matches per page: well under LiteDB's 16 MB document limit, a few pages per large batch.
    public const int PageBytes = 2 * 1024 * 1024;

    // Stored pages (each up to PageBytes and the batch's paper table) read per query by PendingByUserAsync: about 16 MB.
    public const int ReadChunk = 8;

    private LiteDatabase Db => database.Database;

    public Task<long> RecordedThroughAsync(CancellationToken cancellationToken = default) => Task.FromResult(RecordedThrough());

    public Task<int> RecordBatchAsync(DeliveryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var through = RecordedThrough();
        var legacy = through == 0 && LegacyExists() ? Db.GetCollection(LegacyCollection) : null;
        var papers = batch.Papers;
        var sequences = MatchPageCodec.EncodeSequences(batch.After, papers.Select(p => p.Sequence));
        var ids = new BsonArray(papers.Select(p => new BsonValue(p.Id.Value)));

        // The papers not recorded yet; encoded before the write lock is taken, so matching never holds it.
        var fresh = AlertMatches.NewSet(papers.Count);
        for (var i = 0; i < papers.Count; i++)
        {
            if (papers[i].Sequence > through)
            {
                fresh[i >> 6] |= 1UL << i;
            }
        }

        var pages = new List<BsonDocument>();
        var output = new ArrayBufferWriter<byte>(pageBytes + (pageBytes / 8));
        var sets = new ArrayBufferWriter<byte>();
        var setIndex = new Dictionary<MatchSetKey, int>();
        var allowed = new ulong[fresh.Length];
        var union = new ulong[fresh.Length];
        var set = new ulong[fresh.Length]; // an alert's allowed papers; copied only when no alert before had the same
        var matched = new List<(string AlertId, int Set)>();
        var recorded = 0;
        foreach (var user in batch.Users)
        {
            fresh.CopyTo(allowed, 0);
            if (legacy is not null)
            {
                LeaveOutLegacy(legacy, user, papers, allowed);
            }

            Array.Clear(union);
            matched.Clear();
            var alerts = user.Alerts;
            for (var a = 0; a < alerts.Count; a++)
            {
                var bits = alerts[a].Papers;
                Array.Clear(set);
                var any = 0UL;
                for (var i = 0; i < set.Length && i < bits.Length; i++)
                {
                    any |= set[i] = bits[i] & allowed[i];
                    union[i] |= set[i];
                }

                if (any == 0)
                {
                    continue;
                }

                if (!setIndex.TryGetValue(new MatchSetKey(set), out var index))
                {
                    setIndex[new MatchSetKey((ulong[])set.Clone())] = index = setIndex.Count;
                    MatchPageCodec.WriteSet(sets, set);
                }

                matched.Add((alerts[a].AlertId, index));
            }

            if (matched.Count == 0)
            {
                continue;
            }

            recorded += Count(union);
            MatchPageCodec.WriteString(output, user.Platform);
            MatchPageCodec.WriteString(output, user.UserId);
            MatchPageCodec.WriteNumber(output, (ulong)matched.Count);
            foreach (var (alertId, index) in matched)
            {
                MatchPageCodec.WriteString(output, alertId);
                MatchPageCodec.WriteNumber(output, (ulong)index);
            }

            if (output.WrittenCount + sets.WrittenCount >= pageBytes)
            {
                pages.Add(Page(batch, sequences, ids, output, sets, allowed.Length));
                output.Clear();
                sets.Clear();
                setIndex.Clear();
            }
        }

        if (output.WrittenCount > 0)
        {
            pages.Add(Page(batch, sequences, ids, output, sets, allowed.Length));
        }

        InTransaction(db =>
        {
            if (RecordedThrough() != through)
            {
                throw new InvalidOperationException($"The delivery log was recorded through {RecordedThrough()} while this batch was matched (through {through}); nothing of it is recorded.");
            }

            if (pages.Count > 0)
            {
                db.GetCollection(PagesCollection).InsertBulk(pages, pages.Count);
            }

            db.GetCollection(LogCollection).Upsert(new BsonDocument { ["_id"] = RecordedId, ["Through"] = Math.Max(through, batch.Through) });
            return 0;
        });
        return Task.FromResult(recorded);
    }

    public IAsyncEnumerable<IReadOnlyList<Delivery>> PendingByUserAsync(CancellationToken cancellationToken = default) =>
        PendingByUser(cancellationToken).ToAsyncEnumerable();

    // The pages are decoded once and kept in their compact form (alerts share their papers' position arrays); a user's
    // deliveries are made only when their turn comes, so a batch of millions of matches is never held as deliveries.
    private IEnumerable<IReadOnlyList<Delivery>> PendingByUser(CancellationToken cancellationToken)
    {
        var recipients = new Dictionary<string, Recipient>(StringComparer.Ordinal);
        var users = new Dictionary<string, List<(MatchPage Page, MatchPageEntry Entry)>>(StringComparer.Ordinal);
        var order = new List<string>();
        var settledPages = new List<BsonValue>();
        // In chunks of pages, each query its own: the page cache never holds every stored page at once.
        foreach (var document in ChunkedRead.ById(Db.GetCollection(PagesCollection), readChunk))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = MatchPage.Of(document);
            var anyPending = false;
            foreach (var entry in page.Entries)
            {
                var key = RecipientId(entry.Platform, entry.UserId);
                if (!page.HasPending(entry, RecipientOf(key, recipients).Settled))
                {
                    continue;
                }

                anyPending = true;
                if (!users.TryGetValue(key, out var parts))
                {
                    users[key] = parts = [];
                    order.Add(key);
                }

                parts.Add((page, entry));
            }

            if (!anyPending)
            {
                settledPages.Add(document["_id"]);
            }
        }

        var legacy = LegacyExists()
            ? Legacy().Find(Query.EQ("State", nameof(DeliveryState.Pending))).Select(FromLegacy)
                .GroupBy(d => RecipientId(d.Platform, d.UserId), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal)
            : [];
        DeletePages(settledPages);

        foreach (var key in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var recipient = recipients[key];
            var deliveries = users[key].SelectMany(part => part.Page.PendingFor(part.Entry, recipient)).OrderBy(d => d.Sequence).ToList();
            if (legacy.Remove(key, out var old))
            {
                deliveries.AddRange(old);
            }

            users.Remove(key);
            yield return deliveries;
        }

        foreach (var old in legacy.Values)
        {
            yield return old;
        }
    }

    // Housekeeping: nothing in them is pending, and a user's "settled through" only grows.
    private void DeletePages(List<BsonValue> settledPages)
    {
        if (settledPages.Count == 0)
        {
            return;
        }

        InTransaction(db =>
        {
            var pages = db.GetCollection(PagesCollection);
            foreach (var id in settledPages)
            {
                pages.Delete(id);
            }

            return 0;
        });
    }

    public Task SaveAsync(IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var legacy = deliveries.Where(d => d.Sequence == 0).ToList();
        var collection = legacy.Count > 0 ? Legacy() : null;
        InTransaction(db =>
        {
            if (collection is not null)
            {
                foreach (var delivery in legacy)
                {
                    collection.Upsert(ToLegacy(delivery));
                }
            }

            var recipients = db.GetCollection(RecipientsCollection);
            foreach (var user in deliveries.Where(d => d.Sequence > 0).GroupBy(d => (d.Platform, d.UserId)))
            {
                var (platform, userId) = user.Key;
                var recipient = recipients.FindById(RecipientId(platform, userId)) ?? NewRecipient(platform, userId);
                var settling = user.Where(d => d.State != DeliveryState.Pending).ToList();
                if (settling.Count > 0)
                {
                    recipient["Settled"] = Math.Max(recipient["Settled"].AsInt64, settling.Max(d => d.Sequence));
                    recipient["Outcome"] = settling[^1].State.ToString();
                    recipient["Attempts"] = 0;
                    recipient["RetryAt"] = BsonValue.Null;
                    recipient["Error"] = settling[^1].LastError is { } error ? new BsonValue(error) : BsonValue.Null;
                }
                else
                {
                    var last = user.Last();
                    recipient["Attempts"] = user.Max(d => d.Attempts);
                    recipient["RetryAt"] = last.RetryAt is { } retryAt ? new BsonValue(retryAt.UtcTicks) : BsonValue.Null;
                    recipient["Error"] = last.LastError is { } error ? new BsonValue(error) : BsonValue.Null;
                }

                recipients.Upsert(recipient);
            }

            return 0;
        });
        return Task.CompletedTask;
    }

    public Task<int> DropPendingAsync(string platform, string userId, string reason, CancellationToken cancellationToken = default)
    {
        var legacy = LegacyExists() ? Legacy() : null;
        var dropped = InTransaction(db =>
        {
            var standing = RecipientOf(RecipientId(platform, userId), []);
            var mine = db.GetCollection(PagesCollection).FindAll()
                .Select(MatchPage.Of)
                .SelectMany(page => page.Entries.Where(e => e.Platform == platform && e.UserId == userId).SelectMany(e => page.PendingFor(e, standing)))
                .ToList();
            var count = mine.Count;
            if (count > 0)
            {
                var collection = db.GetCollection(RecipientsCollection);
                var recipient = collection.FindById(RecipientId(platform, userId)) ?? NewRecipient(platform, userId);
                recipient["Settled"] = Math.Max(recipient["Settled"].AsInt64, mine.Max(d => d.Sequence));
                recipient["Outcome"] = nameof(DeliveryState.Dropped);
                recipient["Attempts"] = 0;
                recipient["RetryAt"] = BsonValue.Null;
                recipient["Error"] = reason;
                collection.Upsert(recipient);
            }

            if (legacy is not null)
            {
                var old = legacy.Find(Query.And(
                    Query.EQ("State", nameof(DeliveryState.Pending)),
                    Query.EQ("Platform", platform),
                    Query.EQ("User", userId))).ToList();
                foreach (var document in old)
                {
                    legacy.Update(ToLegacy(FromLegacy(document) with { State = DeliveryState.Dropped, RetryAt = null, LastError = reason }));
                    count++;
                }
            }

            return count;
        });
        return Task.FromResult(dropped);
    }

    private long RecordedThrough() =>
        Db.GetCollection(LogCollection).FindById(RecordedId) is { } document ? document["Through"].AsInt64 : 0;

    private bool LegacyExists() => Db.CollectionExists(LegacyCollection);

    private ILiteCollection<BsonDocument> Legacy()
    {
        var collection = Db.GetCollection(LegacyCollection);
        collection.EnsureIndex("State");
        return collection;
    }

    private Recipient RecipientOf(string key, Dictionary<string, Recipient> recipients)
    {
        if (!recipients.TryGetValue(key, out var recipient))
        {
            recipients[key] = recipient = Recipient.Of(Db.GetCollection(RecipientsCollection).FindById(key));
        }

        return recipient;
    }

    private static void LeaveOutLegacy(ILiteCollection<BsonDocument> legacy, UserMatches user, IReadOnlyList<BatchPaper> papers, ulong[] allowed)
    {
        foreach (var position in user.Positions())
        {
            if (legacy.FindById(new Delivery { Platform = user.Platform, UserId = user.UserId, PaperId = papers[position].Id }.Key) is not null)
            {
                allowed[position >> 6] &= ~(1UL << position);
            }
        }
    }

    private static BsonDocument Page(DeliveryBatch batch, byte[] sequences, BsonArray ids, ArrayBufferWriter<byte> data, ArrayBufferWriter<byte> sets, int words) => new()
    {
        ["Batch"] = batch.Through,
        ["After"] = batch.After,
        ["Sequences"] = sequences,
        ["Ids"] = ids,
        ["Words"] = words,
        ["Sets"] = sets.WrittenSpan.ToArray(),
        ["Data"] = data.WrittenSpan.ToArray(),
    };

    private static string RecipientId(string platform, string userId) => $"{platform}:{userId}";

    private static BsonDocument NewRecipient(string platform, string userId) => new()
    {
        ["_id"] = RecipientId(platform, userId),
        ["Platform"] = platform,
        ["User"] = userId,
        ["Settled"] = 0L,
        ["Attempts"] = 0,
        ["RetryAt"] = BsonValue.Null,
        ["Error"] = BsonValue.Null,
    };

    private static int Count(ulong[] bits)
    {
        var count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    // LiteDB binds a transaction to its thread, and the write lock keeps other stores' transactions out meanwhile.
    private T InTransaction<T>(Func<LiteDatabase, T> work)
    {
        var db = Db;
        lock (database.WriteLock)
        {
            db.BeginTrans();
            try
            {
                var result = work(db);
                db.Commit();
                return result;
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }
    }

    private static BsonDocument ToLegacy(Delivery delivery) => new()
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

    private static Delivery FromLegacy(BsonDocument document) => new()
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
