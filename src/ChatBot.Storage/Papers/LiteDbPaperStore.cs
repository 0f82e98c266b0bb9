using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using LiteDB;

namespace ChatBot.Storage.Papers;

/// <summary>
/// Papers in LiteDB. Each upsert is one transaction under the database's write lock, so
/// concurrent ingests cannot interleave a read-modify-write, and a process killed mid-import
/// keeps every batch that committed.
/// </summary>
internal sealed class LiteDbPaperStore : IPaperStore
{
    internal const string CollectionName = "papers";
    private const string MetaCollectionName = "meta";
    private const string SequenceCounterId = "paper-sequence";
    private const string RevisionCounterId = "paper-revision";
    // How many papers there are, kept with every upsert: LiteDB's Count() walks the whole primary key index
    // (0.3-1.4 s at 100,000 papers), too slow for a search that found nothing. Absent in databases written before it.
    private const string CountCounterId = "paper-count";

    // Indexes older versions created that no query uses (the title key is indexed in memory: StoredPaperKeys).
    private static readonly string[] UnusedIndexes = [PaperDocumentMapper.ArxivIdField, PaperDocumentMapper.PublishedField, PaperDocumentMapper.TitleKeyField];

    private readonly ChatBotDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly Lazy<bool> _initialized;
    private StoredPaperKeys? _keys;

    public LiteDbPaperStore(ChatBotDatabase database, TimeProvider timeProvider)
    {
        _database = database;
        _timeProvider = timeProvider;
        _initialized = new Lazy<bool>(EnsureIndexes, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private ILiteCollection<BsonDocument> Papers
    {
        get
        {
            _ = _initialized.Value;
            return _database.Database.GetCollection(CollectionName);
        }
    }

    public Task<UpsertSummary> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(papers);
        cancellationToken.ThrowIfCancellationRequested();
        if (papers.Count == 0)
        {
            return Task.FromResult(UpsertSummary.None);
        }

        var collection = Papers;
        var db = _database.Database;
        lock (_database.WriteLock)
        {
            var now = _timeProvider.GetUtcNow();
            var keys = Keys(collection); // before the transaction: its reads would all stay in LiteDB's cache (StoredPaperKeys.Load)
            db.BeginTrans();
            try
            {
                var summary = Upsert(db, collection, papers, now, keys);
                _database.Commit();
                return Task.FromResult(summary);
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }
    }

    public Task<Paper?> FindAsync(PaperId id, CancellationToken cancellationToken = default)
    {
        var collection = Papers;
        var document = collection.FindById(id.Value);
        if (document is null && !id.IsArxiv)
        {
            // A title key may name a paper that has since learned its arXiv id.
            var key = id.Value[PaperId.TitlePrefix.Length..];
            IReadOnlyList<string> candidates;
            lock (_database.WriteLock)
            {
                candidates = Keys(collection).IdsWithTitleKey(key);
            }

            document = candidates
                .Select(candidate => collection.FindById(candidate))
                .FirstOrDefault(d => d is not null && d[PaperDocumentMapper.TitleKeyField].AsString == key);
        }

        return Task.FromResult(document is null ? null : PaperDocumentMapper.FromDocument(document));
    }

    public Task<IReadOnlyList<Paper>> ReadAfterAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Paper> papers = [.. Papers.Query()
            .Where(Query.GT(PaperDocumentMapper.SequenceField, afterSequence))
            .OrderBy(PaperDocumentMapper.SequenceField)
            .Limit(maxCount)
            .ToEnumerable()
            .Select(PaperDocumentMapper.FromDocument)];
        return Task.FromResult(papers);
    }

    public Task<IReadOnlyList<Paper>> ReadChangedAfterAsync(long afterRevision, int maxCount, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Paper> papers = [.. Papers.Query()
            .Where(Query.GT(PaperDocumentMapper.RevisionField, afterRevision))
            .OrderBy(PaperDocumentMapper.RevisionField)
            .Limit(maxCount)
            .ToEnumerable()
            .Select(PaperDocumentMapper.FromDocument)];
        return Task.FromResult(papers);
    }

    public Task<long> GetLastRevisionAsync(CancellationToken cancellationToken = default)
    {
        _ = _initialized.Value;
        return Task.FromResult(CurrentRevision(_database.Database));
    }

    public Task<IReadOnlyList<Paper>> FindManyAsync(IReadOnlyList<PaperId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var collection = Papers;
        IReadOnlyList<Paper> papers = [.. ids
            .Select(id => collection.FindById(id.Value))
            .OfType<BsonDocument>()
            .Select(PaperDocumentMapper.FromDocument)];
        return Task.FromResult(papers);
    }

    public Task<IReadOnlyList<Paper>> ListFreshSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Paper> papers = [.. Papers
            .Find(Query.GTE(PaperDocumentMapper.FreshField, since.UtcTicks))
            .Select(PaperDocumentMapper.FromDocument)];
        return Task.FromResult(papers);
    }

    public Task<PaperStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var bySource = new Dictionary<string, int>(StringComparer.Ordinal);
        DateTimeOffset? oldest = null, newest = null;
        var count = 0;
        var fields = BsonExpression.Create(
            $"{{ s: $.{PaperDocumentMapper.SourcesField}, p: $.{PaperDocumentMapper.PublishedField} }}");
        foreach (var row in Papers.Query().Select(fields).ToEnumerable())
        {
            count++;
            foreach (var source in row["s"].AsArray)
            {
                bySource[source.AsString] = bySource.GetValueOrDefault(source.AsString) + 1;
            }

            if (PaperDocumentMapper.FromTicks(row["p"]) is { } published)
            {
                oldest = oldest is null || published < oldest ? published : oldest;
                newest = newest is null || published > newest ? published : newest;
            }
        }

        return Task.FromResult(new PaperStats(count, bySource, oldest, newest, CurrentSequence(_database.Database), CurrentRevision(_database.Database)));
    }

    public Task<PaperCounters> GetCountersAsync(CancellationToken cancellationToken = default)
    {
        var collection = Papers;
        var db = _database.Database;
        return Task.FromResult(new PaperCounters(StoredCount(db, collection), CurrentSequence(db), CurrentRevision(db)));
    }

    // Under the write lock. Loaded on first use: a scan of every paper's id and title key.
    private StoredPaperKeys Keys(ILiteCollection<BsonDocument> collection) => _keys ??= StoredPaperKeys.Load(collection);

    // Every incoming record counts once: new (it created a paper), updated (it changed one) or unchanged.
    private static UpsertSummary Upsert(LiteDatabase db, ILiteCollection<BsonDocument> collection, IReadOnlyList<Paper> papers, DateTimeOffset now, StoredPaperKeys keys)
    {
        int created = 0, updated = 0, unchanged = 0;
        var changed = new Dictionary<string, Paper>(StringComparer.Ordinal);
        var count = StoredCount(db, collection);
        var sequence = CurrentSequence(db);
        var revision = CurrentRevision(db);
        var view = PaperBatchView.Load(collection, papers, keys);
        foreach (var incoming in papers)
        {
            var existingDocument = view.FindExisting(incoming);
            if (existingDocument is null)
            {
                var paper = PaperMerger.First(incoming, ++sequence, now) with { Revision = ++revision };
                var document = PaperDocumentMapper.ToDocument(paper);
                collection.Insert(document);
                view.Stored(document);
                keys.Add(paper.Id.Value, document[PaperDocumentMapper.TitleKeyField].AsString);
                changed[paper.Id.Value] = paper;
                created++;
                continue;
            }

            var existing = PaperDocumentMapper.FromDocument(existingDocument);
            if (PaperMerger.Merge(existing, incoming, now) is not { } merged)
            {
                unchanged++;
                continue;
            }

            merged = merged with { Revision = ++revision };
            var mergedDocument = PaperDocumentMapper.ToDocument(merged);
            if (merged.Id != existing.Id)
            {
                // A title-keyed paper learned its arXiv id: re-key it, keeping its history and sequence.
                collection.Delete(existing.Id.Value);
                collection.Insert(mergedDocument);
                changed.Remove(existing.Id.Value);
            }
            else
            {
                collection.Update(mergedDocument);
            }

            view.Removed(existingDocument);
            view.Stored(mergedDocument);
            keys.Add(merged.Id.Value, mergedDocument[PaperDocumentMapper.TitleKeyField].AsString);

            changed[merged.Id.Value] = merged;
            updated++;
        }

        SaveCounter(db, SequenceCounterId, sequence);
        SaveCounter(db, RevisionCounterId, revision);
        SaveCounter(db, CountCounterId, count + created); // a re-keyed paper is deleted and inserted: no change

        return new UpsertSummary(created, updated, unchanged, [.. changed.Values.OrderBy(p => p.Sequence)]);
    }

    private static long CurrentSequence(LiteDatabase db) => Counter(db, SequenceCounterId);

    internal static long CurrentRevision(LiteDatabase db) => Counter(db, RevisionCounterId);

    private static long Counter(LiteDatabase db, string id) =>
        db.GetCollection(MetaCollectionName).FindById(id)?["value"].AsInt64 ?? 0;

    // The kept count, or (a database from before it was kept, until its next upsert) a count of the collection.
    private static int StoredCount(LiteDatabase db, ILiteCollection<BsonDocument> collection) =>
        db.GetCollection(MetaCollectionName).FindById(CountCounterId) is { } kept ? checked((int)kept["value"].AsInt64) : collection.Count();

    private static void SaveCounter(LiteDatabase db, string id, long value) =>
        db.GetCollection(MetaCollectionName).Upsert(new BsonDocument { ["_id"] = id, ["value"] = value });

    /// <summary>
    /// The secondary indexes the store's queries read (the benchmark's engine floor writes them too). Only those:
    /// every index is one more skip list written per stored paper.
    /// </summary>
    internal static void EnsureQueryIndexes(ILiteCollection<BsonDocument> collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        // Sequence: ReadAfterAsync (and unique); fresh: ListFreshSinceAsync; revision: ReadChangedAfterAsync.
        collection.EnsureIndex(PaperDocumentMapper.SequenceField, unique: true);
        collection.EnsureIndex(PaperDocumentMapper.FreshField);
        collection.EnsureIndex(PaperDocumentMapper.RevisionField);
    }

    private bool EnsureIndexes()
    {
        var collection = _database.Database.GetCollection(CollectionName);
        EnsureQueryIndexes(collection);
        // An arXiv paper is found by _id, the title key in memory (StoredPaperKeys), and no query filters on
        // the published date, so databases written with those indexes lose them here.
        foreach (var unused in UnusedIndexes)
        {
            collection.DropIndex(unused);
        }

        AssignMissingRevisions();
        return true;
    }

    // Papers stored before revisions existed get one (and their fresh date), so the index can catch up on them.
    private void AssignMissingRevisions()
    {
        var db = _database.Database;
        var collection = db.GetCollection(CollectionName);
        lock (_database.WriteLock)
        {
            var missing = collection.Find(Query.EQ(PaperDocumentMapper.RevisionField, BsonValue.Null)).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            db.BeginTrans();
            var revision = CurrentRevision(db);
            foreach (var document in missing.OrderBy(d => d[PaperDocumentMapper.SequenceField].AsInt64))
            {
                var paper = PaperDocumentMapper.FromDocument(document) with { Revision = ++revision };
                collection.Update(PaperDocumentMapper.ToDocument(paper));
            }

            SaveCounter(db, RevisionCounterId, revision);
            _database.Commit();
        }
    }
}
