using ChatBot.Core.Ingestion;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Storage.Search;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Search;

/// <summary>The Lucene index kept in step with the LiteDB store by the synchronizer, as the host wires them.</summary>
public sealed class LuceneIndexSynchronizationTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    // The first ingest commits (two papers), the second does not.
    private static readonly Dictionary<string, string?> RareCommits = new()
    {
        ["Search:CommitEveryPapers"] = "2",
        ["Search:CommitInterval"] = "01:00:00",
    };

    private readonly TempDirectory _data = new();
    private HostedStorage _storage;

    public LuceneIndexSynchronizationTests()
    {
        _storage = new HostedStorage(_data.Path);
    }

    public void Dispose()
    {
        _storage.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Ingested_papers_are_searchable_when_the_ingest_returns()
    {
        await IngestAsync(Paper(1, "Streaming speech recognition"), Paper(2, "Speech synthesis"));

        var results = await SearchAsync("speech");

        Assert.Equal(2, results.TotalHits);
        Assert.Equal(await _storage.Store.GetLastRevisionAsync(), (await _storage.Index.GetStateAsync()).LastRevision);
    }

    [Fact]
    public async Task The_index_is_rebuilt_from_the_store_after_its_folder_is_deleted()
    {
        await IngestAsync(Paper(1, "Protein structure prediction"), Paper(2, "Protein design"));
        Restart(beforeStart: () => Directory.Delete(Path.Combine(_data.Path, "index"), recursive: true));

        var report = await _storage.Synchronizer.EnsureCurrentAsync(progress: null, CancellationToken.None);

        Assert.Equal(IndexSyncReason.Missing, report.Reason);
        Assert.Equal(2, report.PapersIndexed);
        Assert.Equal(2, (await SearchAsync("protein")).TotalHits);
    }

    [Fact]
    public async Task A_damaged_index_is_rebuilt_from_the_store_on_start()
    {
        await IngestAsync(Paper(1, "Robust optimisation"), Paper(2, "Robust control"));
        Restart(beforeStart: () =>
        {
            foreach (var file in Directory.GetFiles(Path.Combine(_data.Path, "index")).Where(f => Path.GetFileName(f) != "write.lock"))
            {
                File.WriteAllText(file, "not an index");
            }
        });

        var report = await _storage.Synchronizer.EnsureCurrentAsync(progress: null, CancellationToken.None);
        var again = await _storage.Synchronizer.EnsureCurrentAsync(progress: null, CancellationToken.None);

        Assert.Equal(IndexSyncReason.Missing, report.Reason);
        Assert.Equal(2, (await SearchAsync("robust")).TotalHits);
        Assert.Equal(IndexSyncReason.Current, again.Reason); // the reset is reported until the rebuild only
    }

    [Fact]
    public async Task The_index_catches_up_on_papers_stored_behind_its_back()
    {
        await IngestAsync(Paper(1, "Neural radiance fields"));
        await _storage.Store.UpsertAsync([Paper(2, "Radiance caching"), Paper(3, "Radiance transfer")]);

        var report = await _storage.Synchronizer.EnsureCurrentAsync(progress: null, CancellationToken.None);

        Assert.Equal(IndexSyncReason.Behind, report.Reason);
        Assert.Equal(2, report.PapersIndexed);
        Assert.Equal(3, (await SearchAsync("radiance")).TotalHits);
    }

    [Fact]
    public async Task A_missed_update_is_caught_up_by_the_next_ingest()
    {
        await _storage.Store.UpsertAsync([Paper(1, "Missed kernel paper")]);

        await IngestAsync(Paper(2, "Kernel methods"));

        Assert.Equal(2, (await SearchAsync("kernel")).TotalHits);
    }

    [Fact]
    public async Task An_index_ahead_of_the_store_is_cleared_and_rebuilt()
    {
        await IngestAsync(Paper(1, "Stale quantum paper"), Paper(2, "Stale quantum sequel"), Paper(3, "Stale quantum finale"));
        // Another (or a restored) database: fewer revisions than the index has applied.
        Restart(beforeStart: () => File.Delete(Path.Combine(_data.Path, "chatbot.db")));
        await _storage.Store.UpsertAsync([Paper(4, "Fresh quantum paper")]);

        var report = await _storage.Synchronizer.EnsureCurrentAsync(progress: null, CancellationToken.None);

        Assert.Equal(IndexSyncReason.Ahead, report.Reason);
        var results = await SearchAsync("quantum");
        Assert.Equal([PaperId.Parse("2503.00004")], results.Hits.Select(h => h.Id));
        Assert.Equal(new SearchIndexState(1, 1, WasReset: false), await _storage.Index.GetStateAsync());
    }

    [Fact]
    public async Task A_current_index_is_left_alone()
    {
        await IngestAsync(Paper(1, "Nothing to do"));
        Restart();

        var report = await _storage.Synchronizer.EnsureCurrentAsync(progress: null, CancellationToken.None);

        Assert.Equal(IndexSyncReason.Current, report.Reason);
        Assert.Equal(0, report.PapersIndexed);
    }

    [Fact]
    public async Task A_paper_that_learns_its_arxiv_id_stays_one_search_hit()
    {
        var title = "Layer normalization revisited";
        await IngestAsync(new Paper { Id = PaperId.FromTitle(title), Title = title, Abstract = "Where to normalize.", Sources = [PaperSources.File] });

        await IngestAsync(Paper(9, title));

        var results = await SearchAsync("normalization");
        Assert.Equal([PaperId.Parse("2503.00009")], results.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task After_a_crash_with_uncommitted_index_changes_the_index_catches_up_on_start()
    {
        Restart(settings: RareCommits);
        await IngestAsync(Paper(1, "Diffusion models"), Paper(2, "Diffusion transformers"));
        await IngestAsync(Paper(3, "Diffusion policies"));
        Assert.Equal(3, (await SearchAsync("diffusion")).TotalHits);

        // The process dies: the index keeps its last commit (the first ingest), the store keeps everything.
        ((LuceneSearchIndex)_storage.Index).CloseWithoutCommit();
        Restart(settings: RareCommits);
        var report = await _storage.Synchronizer.EnsureCurrentAsync(progress: null, CancellationToken.None);

        Assert.Equal(IndexSyncReason.Behind, report.Reason);
        Assert.Equal(1, report.PapersIndexed);
        Assert.Equal(3, (await SearchAsync("diffusion")).TotalHits);
        Assert.Equal(await _storage.Store.GetLastRevisionAsync(), (await _storage.Index.GetStateAsync()).LastRevision);
    }

    [Fact]
    public async Task An_ingested_upvote_change_is_what_the_upvotes_filter_sees()
    {
        await IngestAsync(Paper(1, "Sparse attention") with { Upvotes = 3 }, Paper(2, "Sparse experts") with { Upvotes = 40 });

        await IngestAsync(Paper(1, "Sparse attention") with { Upvotes = 90 });

        var results = await _storage.Index.SearchAsync(new SearchQuery { MinUpvotes = 50, Sort = SearchSort.Top }, 0, 10, Now);
        Assert.Equal([PaperId.Parse("2503.00001")], results.Hits.Select(h => h.Id));
        Assert.Equal(await _storage.Store.GetLastRevisionAsync(), (await _storage.Index.GetStateAsync()).LastRevision);
    }

    private void Restart(Action? beforeStart = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _storage.Dispose();
        beforeStart?.Invoke();
        _storage = new HostedStorage(_data.Path, settings);
    }

    private Task<BatchOutcome> IngestAsync(params Paper[] papers) =>
        _storage.Ingestor.IngestAsync(new PaperBatch("test", papers, []), CancellationToken.None);

    private Task<SearchResults> SearchAsync(string word) =>
        _storage.Index.SearchAsync(new SearchQuery { Clauses = [QueryClause.Of(new QueryTerm(QueryField.Any, word, false))] }, 0, 10, Now);

    private static Paper Paper(int n, string title) => new()
    {
        Id = PaperId.Parse($"2503.{n:00000}"),
        ArxivId = $"2503.{n:00000}",
        Title = title,
        Abstract = $"We study {title.ToLowerInvariant()}.",
        Sources = [PaperSources.HuggingFace],
    };
}
