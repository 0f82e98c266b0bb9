using ChatBot.Core.Papers;
using LiteDB;

namespace ChatBot.Storage.Papers;

/// <summary>
/// What the store holds for one batch's arXiv ids and title keys, read before the batch writes
/// anything and then kept current with the batch's own writes. A LiteDB query run inside a
/// transaction that has already inserted documents costs about 1.5 ms (measured: it made ingest
/// ten times slower), while the same lookups before the first write cost far less. Papers are read
/// by <c>_id</c> only, and only ids <see cref="StoredPaperKeys"/> may hold: a new paper costs no read.
/// </summary>
internal sealed class PaperBatchView
{
    private readonly Dictionary<string, BsonDocument?> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BsonDocument>> _byTitleKey = new(StringComparer.Ordinal);

    /// <summary>Ids asked of LiteDB per query: a query's pages stay in memory until it ends (StoredPaperKeys.Load).</summary>
    public const int ReadChunk = 500;

    public static PaperBatchView Load(ILiteCollection<BsonDocument> collection, IReadOnlyList<Paper> papers, StoredPaperKeys keys)
    {
        var view = new PaperBatchView();
        // An arXiv paper's _id is its arXiv id.
        view.Read(collection, keys, papers.Select(p => p.ArxivId).OfType<string>());

        // A paper found by its arXiv id merges into that one (FindExisting): its title is not looked up.
        var titleKeys = new List<string>();
        foreach (var paper in papers)
        {
            if (paper.ArxivId is { } arxivId && view._byId[arxivId] is not null)
            {
                continue;
            }

            var key = TitleKey.From(paper.Title);
            if (view._byTitleKey.TryAdd(key, []))
            {
                titleKeys.Add(key);
            }
        }

        view.Read(collection, keys, titleKeys.SelectMany(keys.IdsWithTitleKey));
        foreach (var key in titleKeys)
        {
            // Candidates only: the document's own title key decides.
            view._byTitleKey[key] = [.. keys.IdsWithTitleKey(key)
                .Select(id => view._byId[id])
                .OfType<BsonDocument>()
                .Where(d => d[PaperDocumentMapper.TitleKeyField].AsString == key)];
        }

        return view;
    }

    // Reads the ids not read yet, a chunk per query: one FindById per paper cost more in LiteDB's query set-up (plan,
    // reader, snapshot) than in the look-up itself. Ids no paper was stored under are not asked (a new paper costs no read).
    private void Read(ILiteCollection<BsonDocument> collection, StoredPaperKeys keys, IEnumerable<string> ids)
    {
        var toRead = new List<string>();
        foreach (var id in ids)
        {
            if (_byId.TryAdd(id, null) && keys.MayHoldId(id))
            {
                toRead.Add(id);
            }
        }

        foreach (var chunk in toRead.Chunk(ReadChunk))
        {
            // LiteDB's default collation ignores case, as FindById did: each id gets the document LiteDB matched to it.
            var found = new Dictionary<string, BsonDocument>(StringComparer.OrdinalIgnoreCase);
            foreach (var document in collection.Find(Query.In("_id", new BsonArray(chunk.Select(id => new BsonValue(id))))))
            {
                found.TryAdd(document["_id"].AsString, document);
            }

            foreach (var id in chunk)
            {
                _byId[id] = found.GetValueOrDefault(id);
            }
        }
    }

    /// <summary>The stored paper <paramref name="incoming"/> merges into: the same arXiv id, else the same title key.</summary>
    public BsonDocument? FindExisting(Paper incoming)
    {
        if (incoming.ArxivId is { } arxivId && _byId.GetValueOrDefault(arxivId) is { } byArxiv)
        {
            return byArxiv;
        }

        var sameTitle = _byTitleKey.GetValueOrDefault(TitleKey.From(incoming.Title)) ?? [];
        return incoming.ArxivId is null
            ? sameTitle.FirstOrDefault()
            // A paper with an id merges only into a title-keyed record, never into another arXiv paper.
            : sameTitle.FirstOrDefault(d => d[PaperDocumentMapper.ArxivIdField].IsNull);
    }

    public void Removed(BsonDocument document)
    {
        var id = document["_id"].AsString;
        _byId[id] = null;
        if (_byTitleKey.TryGetValue(document[PaperDocumentMapper.TitleKeyField].AsString, out var sameTitle))
        {
            sameTitle.RemoveAll(d => d["_id"].AsString == id);
        }
    }

    public void Stored(BsonDocument document)
    {
        _byId[document["_id"].AsString] = document;
        var key = document[PaperDocumentMapper.TitleKeyField].AsString;
        if (!_byTitleKey.TryGetValue(key, out var sameTitle))
        {
            _byTitleKey[key] = sameTitle = [];
        }

        sameTitle.Add(document);
    }
}
