using System.Globalization;
using ChatBot.Core.Doctor;
using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Search;

/// <summary>
/// Doctor: the search index exists and holds the database's last revision, as the start-up synchronizer
/// compares them. Behind or ahead is a warning (the bot catches up or rebuilds on start); missing while
/// there are papers is a warning with <c>reindex</c> as the fix; damaged fails.
/// </summary>
internal sealed class SearchIndexCheck(IOptions<SearchIndexOptions> options, IOptions<StorageOptions> storage, DatabaseInspector database) : IDoctorCheck
{
    private const string Reindex = "run `reindex` while the bot is stopped";

    public string Name => "Search index";

    public Task<CheckResult?> RunAsync(CancellationToken cancellationToken)
    {
        var index = LuceneIndexInspection.Read(storage.Value.Resolve(options.Value.IndexDirectory));
        return Task.FromResult<CheckResult?>(Judge(index, database.Snapshot));
    }

    private CheckResult Judge(IndexSnapshot index, DatabaseSnapshot store)
    {
        if (index.Damaged)
        {
            return CheckResult.Fail(
                Name, $"{index.Path} is damaged: {index.Error}", $"Rebuild it from the database: {Reindex} (the bot also rebuilds a damaged index when it starts).");
        }

        if (!store.Readable)
        {
            var seen = index.Exists ? Describe(index) : $"{index.Path} not built yet";
            return CheckResult.Warning(
                Name, $"{seen}; not compared with the database, which could not be read", "See the Database row; the index is rebuilt from the database, so fix that first.");
        }

        if (!index.Exists)
        {
            return store.LastRevision == 0
                ? CheckResult.Pass(Name, $"{index.Path} not built yet; the database has no papers to index")
                : CheckResult.Warning(
                    Name,
                    string.Create(CultureInfo.InvariantCulture, $"{index.Path} is missing: {store.Papers} papers are not searchable until it is built"),
                    $"Build it now ({Reindex}), or start the bot, which builds it before answering commands.");
        }

        if (index.Revision < store.LastRevision)
        {
            return CheckResult.Warning(
                Name,
                string.Create(CultureInfo.InvariantCulture, $"{Describe(index)}, behind the database (revision {store.LastRevision}); it will catch up on start"),
                $"Nothing to do: the bot catches up when it starts (or {Reindex}).");
        }

        if (index.Revision > store.LastRevision)
        {
            return CheckResult.Warning(
                Name,
                string.Create(CultureInfo.InvariantCulture, $"{Describe(index)}, ahead of the database (revision {store.LastRevision}): the database was replaced or restored"),
                $"Nothing to do: the bot rebuilds the index when it starts (or {Reindex}).");
        }

        return CheckResult.Pass(Name, string.Create(CultureInfo.InvariantCulture, $"{Describe(index)}, current with the database"));
    }

    private static string Describe(IndexSnapshot index) =>
        string.Create(CultureInfo.InvariantCulture, $"{index.Path}: {index.Documents} papers (revision {index.Revision})");
}
