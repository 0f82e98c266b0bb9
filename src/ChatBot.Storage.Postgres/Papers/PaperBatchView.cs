using ChatBot.Core.Papers;
using Npgsql;

namespace ChatBot.Storage.Postgres.Papers;

/// <summary>
/// What the store holds for one batch's arXiv ids and title keys, read in two queries before the batch merges
/// anything, then kept current with the batch's own merges (a later record of the batch sees an earlier one), and
/// the rows the batch must finally write or delete. The same rules as the LiteDB store's view of a batch.
/// </summary>
internal sealed class PaperBatchView
{
    private readonly Dictionary<string, Paper?> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Paper>> _byTitleKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Paper> _toWrite = new(StringComparer.Ordinal);
    private readonly HashSet<string> _toDelete = new(StringComparer.Ordinal);

    /// <summary>Papers to insert or overwrite, as they must end up.</summary>
    public IReadOnlyCollection<Paper> ToWrite => _toWrite.Values;

    /// <summary>Ids of rows to delete (title-keyed papers re-keyed by their arXiv id), before the writes.</summary>
    public IReadOnlyCollection<string> ToDelete => _toDelete;

    public static async Task<PaperBatchView> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Paper> papers, CancellationToken cancellationToken)
    {
        var view = new PaperBatchView();
        var arxivIds = papers.Select(p => p.ArxivId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        foreach (var id in arxivIds)
        {
            view._byId[id] = null;
        }

        if (arxivIds.Length > 0)
        {
            await using var byId = new NpgsqlCommand($"SELECT {PaperRow.Columns} FROM papers WHERE id = ANY(@ids)", connection, transaction);
            byId.Parameters.Add(new NpgsqlParameter<string[]>("ids", arxivIds));
            foreach (var paper in await PaperRow.ReadAllAsync(byId, cancellationToken))
            {
                view._byId[paper.Id.Value] = paper;
            }
        }

        // A paper found by its arXiv id merges into that one (FindExisting): its title is not looked up.
        var titleKeys = papers
            .Where(p => p.ArxivId is not { } arxivId || view._byId[arxivId] is null)
            .Select(p => TitleKey.From(p.Title))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (var key in titleKeys)
        {
            view._byTitleKey[key] = [];
        }

        if (titleKeys.Length > 0)
        {
            await using var byTitle = new NpgsqlCommand($"SELECT {PaperRow.Columns} FROM papers WHERE title_key = ANY(@keys) ORDER BY sequence", connection, transaction);
            byTitle.Parameters.Add(new NpgsqlParameter<string[]>("keys", titleKeys));
            foreach (var paper in await PaperRow.ReadAllAsync(byTitle, cancellationToken))
            {
                view._byTitleKey[TitleKey.From(paper.Title)].Add(paper);
            }
        }

        return view;
    }

    /// <summary>The stored paper <paramref name="incoming"/> merges into: the same arXiv id, else the same title key.</summary>
    public Paper? FindExisting(Paper incoming)
    {
        if (incoming.ArxivId is { } arxivId && _byId.GetValueOrDefault(arxivId) is { } byArxiv)
        {
            return byArxiv;
        }

        var sameTitle = _byTitleKey.GetValueOrDefault(TitleKey.From(incoming.Title)) ?? [];
        return incoming.ArxivId is null
            ? sameTitle.FirstOrDefault()
            // A paper with an id merges only into a title-keyed record, never into another arXiv paper.
            : sameTitle.FirstOrDefault(p => p.ArxivId is null);
    }

    public void Removed(Paper paper)
    {
        var id = paper.Id.Value;
        _byId[id] = null;
        if (_byTitleKey.TryGetValue(TitleKey.From(paper.Title), out var sameTitle))
        {
            sameTitle.RemoveAll(p => p.Id.Value == id);
        }

        _toWrite.Remove(id);
        _toDelete.Add(id);
    }

    public void Stored(Paper paper)
    {
        var id = paper.Id.Value;
        _byId[id] = paper;
        var key = TitleKey.From(paper.Title);
        if (!_byTitleKey.TryGetValue(key, out var sameTitle))
        {
            _byTitleKey[key] = sameTitle = [];
        }

        sameTitle.RemoveAll(p => p.Id.Value == id);
        sameTitle.Add(paper);
        _toDelete.Remove(id);
        _toWrite[id] = paper;
    }
}
