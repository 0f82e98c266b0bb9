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

    public static PaperBatchView Load(ILiteCollection<BsonDocument> collection, IReadOnlyList<Paper> papers, StoredPaperKeys keys)
    {
        var view = new PaperBatchView();
        foreach (var paper in papers)
        {
            if (paper.ArxivId is { } arxivId && !view._byId.ContainsKey(arxivId))
            {
                // An arXiv paper's _id is its arXiv id.
                view._byId[arxivId] = Read(collection, keys, arxivId);
            }
        }

        foreach (var paper in papers)
        {
            // A paper found by its arXiv id merges into that one (FindExisting): its title is not looked up.
            if (paper.ArxivId is { } arxivId && view._byId[arxivId] is not null)
            {
                continue;
            }

            var key = TitleKey.From(paper.Title);
            if (!view._byTitleKey.ContainsKey(key))
            {
                // Candidates only: the document's own title key decides.
                view._byTitleKey[key] = [.. keys.IdsWithTitleKey(key)
                    .Select(id => view._byId.TryGetValue(id, out var known) ? known : view._byId[id] = Read(collection, keys, id))
                    .OfType<BsonDocument>()
                    .Where(d => d[PaperDocumentMapper.TitleKeyField].AsString == key)];
            }
        }

        return view;
    }

    private static BsonDocument? Read(ILiteCollection<BsonDocument> collection, StoredPaperKeys keys, string id) =>
        keys.MayHoldId(id) ? collection.FindById(id) : null;

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
