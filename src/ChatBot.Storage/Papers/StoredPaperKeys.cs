using ChatBot.Core.Hashing;
using ChatBot.Storage.Database;
using LiteDB;

namespace ChatBot.Storage.Papers;

/// <summary>
/// Every stored paper's id and title key, hashed, in memory: the store's title-key index. A LiteDB index
/// on the title key cost most of a batch's commit: title keys arrive in random order, so each new key
/// links into a different index page, and each commit wrote nearly every page of that index again
/// (measured: LiteDB commits took four fifths of the store's time at 20,000 papers). Held here instead,
/// a batch asks LiteDB only by <c>_id</c>, and only for ids that can be stored.
/// <para>
/// Only candidates: a hash may collide and an entry may be stale (a paper re-keyed, a title changed, a
/// transaction rolled back), so a caller reads the document and checks its title key. Every stored
/// paper is here under its current title key. Not thread safe: used under the database's write lock.
/// </para>
/// </summary>
internal sealed class StoredPaperKeys
{
    private readonly HashSet<ulong> _ids = [];
    private readonly Dictionary<ulong, string> _firstByTitleKey = [];

    // Further papers with the same title key (rare: two arXiv papers of one title, or a hash collision).
    private readonly Dictionary<ulong, List<string>> _moreByTitleKey = [];

    public int Count => _ids.Count;

    /// <summary>Papers read per query by <see cref="Load"/>.</summary>
    public const int LoadChunk = 2_000;

    /// <summary>
    /// Reads every paper's keys, <paramref name="chunk"/> papers per query (<see cref="ChunkedRead"/>: LiteDB's cache
    /// keeps what one query reads). Call it outside a transaction and under the write lock (no chunk sees a later write
    /// than the one before).
    /// </summary>
    public static StoredPaperKeys Load(ILiteCollection<BsonDocument> collection, int chunk = LoadChunk)
    {
        var keys = new StoredPaperKeys();
        var fields = BsonExpression.Create($"{{ i: $._id, t: $.{PaperDocumentMapper.TitleKeyField} }}");
        foreach (var row in ChunkedRead.ById(collection, chunk, fields, idField: "i"))
        {
            if (row["i"].IsString && row["t"].IsString)
            {
                keys.Add(row["i"].AsString, row["t"].AsString);
            }
        }

        return keys;
    }

    /// <summary>False when no paper with <paramref name="id"/> was ever stored: no look-up needed.</summary>
    public bool MayHoldId(string id) => _ids.Contains(Hash(id));

    /// <summary>Ids of papers that may have <paramref name="titleKey"/>, in the order they were stored.</summary>
    public IReadOnlyList<string> IdsWithTitleKey(string titleKey)
    {
        var hash = Hash(titleKey);
        if (!_firstByTitleKey.TryGetValue(hash, out var first))
        {
            return [];
        }

        return _moreByTitleKey.TryGetValue(hash, out var more) ? [first, .. more] : [first];
    }

    public void Add(string id, string titleKey)
    {
        _ids.Add(Hash(id));
        var hash = Hash(titleKey);
        if (!_firstByTitleKey.TryGetValue(hash, out var first))
        {
            _firstByTitleKey[hash] = id;
            return;
        }

        if (string.Equals(first, id, StringComparison.Ordinal))
        {
            return;
        }

        if (!_moreByTitleKey.TryGetValue(hash, out var more))
        {
            _moreByTitleKey[hash] = more = [];
        }

        if (!more.Contains(id, StringComparer.Ordinal))
        {
            more.Add(id);
        }
    }

    // Collisions only cost a look-up (see the class summary).
    private static ulong Hash(string text) => Fnv1a.Of(text);
}
