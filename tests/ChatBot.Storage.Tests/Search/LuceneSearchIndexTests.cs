using ChatBot.Core;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;

namespace ChatBot.Storage.Tests.Search;

public sealed class LuceneSearchIndexTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private readonly TempSearchIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task A_new_index_folder_starts_empty_and_is_not_reported_as_reset()
    {
        var state = await _index.Index.GetStateAsync();

        Assert.Equal(new SearchIndexState(0, 0, WasReset: false), state);
        Assert.Equal(Path.Combine(_index.DataDirectory, "index"), _index.IndexPath);
    }

    [Fact]
    public async Task A_paper_is_searchable_as_soon_as_it_is_indexed()
    {
        await _index.Index.IndexAsync([Paper(1, "Registers in Vision Transformers")]);

        var results = await SearchAsync("registers");

        Assert.Equal([Id(1)], results.Hits.Select(h => h.Id));
        Assert.Equal(new SearchIndexState(1, 1, false), await _index.Index.GetStateAsync());
    }

    [Fact]
    public async Task Indexing_a_paper_again_replaces_its_entry()
    {
        await _index.Index.IndexAsync([Paper(1, "Old wording")]);

        await _index.Index.IndexAsync([Paper(1, "New wording") with { Revision = 2 }]);

        Assert.Empty((await SearchAsync("old")).Hits);
        Assert.Equal([Id(1)], (await SearchAsync("new")).Hits.Select(h => h.Id));
        Assert.Equal(1, (await _index.Index.GetStateAsync()).Documents);
    }

    [Fact]
    public async Task A_paper_rekeyed_from_its_title_to_its_arxiv_id_leaves_one_entry()
    {
        var titleKeyed = new Paper { Id = PaperId.FromTitle("Peri-LN Layer Normalization"), Title = "Peri-LN Layer Normalization", Sequence = 7, Revision = 1 };
        await _index.Index.IndexAsync([titleKeyed]);

        await _index.Index.IndexAsync([titleKeyed with { Id = Id(7), ArxivId = Id(7).Value, Revision = 2 }]);

        var results = await SearchAsync("normalization");
        Assert.Equal([Id(7)], results.Hits.Select(h => h.Id));
        Assert.Equal(1, (await _index.Index.GetStateAsync()).Documents);
    }

    [Fact]
    public async Task A_withdrawn_paper_is_removed()
    {
        await _index.Index.IndexAsync([Paper(1, "Retracted results"), Paper(2, "Kept results")]);

        await _index.Index.IndexAsync([Paper(1, "Retracted results") with { Withdrawn = true, Revision = 3 }]);

        Assert.Equal([Id(2)], (await SearchAsync("results")).Hits.Select(h => h.Id));
        Assert.Equal(new SearchIndexState(1, 3, false), await _index.Index.GetStateAsync());
    }

    [Fact]
    public async Task The_recorded_revision_and_the_papers_survive_reopening()
    {
        await _index.Index.IndexAsync([Paper(1, "Persistent paper"), Paper(2, "Another persistent paper") with { Revision = 9 }]);

        _index.Reopen();

        Assert.Equal(new SearchIndexState(2, 9, WasReset: false), await _index.Index.GetStateAsync());
        Assert.Equal(2, (await SearchAsync("persistent")).TotalHits);
    }

    [Fact]
    public async Task Indexing_a_paper_again_after_reopening_replaces_its_entry()
    {
        await _index.Index.IndexAsync([Paper(1, "Old wording"), Paper(2, "Other paper")]);
        _index.Reopen();

        await _index.Index.IndexAsync([Paper(1, "New wording") with { Revision = 3 }, Paper(3, "Third paper")]);

        Assert.Empty((await SearchAsync("old")).Hits);
        Assert.Equal([Id(1)], (await SearchAsync("new")).Hits.Select(h => h.Id));
        Assert.Equal(3, (await _index.Index.GetStateAsync()).Documents);
    }

    [Fact]
    public async Task An_index_committed_before_the_highest_sequence_was_recorded_still_replaces_entries()
    {
        await _index.Index.IndexAsync([Paper(1, "Old wording"), Paper(5, "Other paper")]);
        _index.Index.Dispose();
        using (var directory = Lucene.Net.Store.FSDirectory.Open(_index.IndexPath))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, null)))
        {
            // The commit data of the earlier layout: the revision only.
            writer.SetCommitData(new Dictionary<string, string>(StringComparer.Ordinal) { ["revision"] = "5" });
            writer.Commit();
        }

        _index.Reopen();
        await _index.Index.IndexAsync([Paper(1, "New wording") with { Revision = 6 }]);

        Assert.Empty((await SearchAsync("old")).Hits);
        Assert.Equal(2, (await _index.Index.GetStateAsync()).Documents);
    }

    [Fact]
    public async Task The_recorded_revision_never_goes_back_when_older_papers_are_indexed()
    {
        await _index.Index.IndexAsync([Paper(1, "First") with { Revision = 5 }]);

        await _index.Index.IndexAsync([Paper(2, "Second") with { Revision = 3 }]);

        Assert.Equal(5, (await _index.Index.GetStateAsync()).LastRevision);
    }

    [Fact]
    public async Task Clearing_removes_every_paper_and_the_revision_even_after_reopening()
    {
        await _index.Index.IndexAsync([Paper(1, "Cleared paper"), Paper(2, "Cleared too")]);

        await _index.Index.ClearAsync();
        _index.Reopen();

        Assert.Equal(new SearchIndexState(0, 0, false), await _index.Index.GetStateAsync());
        Assert.Empty((await SearchAsync("cleared")).Hits);
    }

    [Fact]
    public async Task A_damaged_index_is_reset_to_empty_on_open_and_works_afterwards()
    {
        await _index.Index.IndexAsync([Paper(1, "Doomed paper"), Paper(2, "Doomed as well")]);
        _index.Index.Dispose();
        foreach (var file in Directory.GetFiles(_index.IndexPath).Where(f => Path.GetFileName(f) != "write.lock"))
        {
            await File.WriteAllBytesAsync(file, [.. Enumerable.Repeat((byte)0x5A, 64)]);
        }

        _index.Reopen();

        Assert.Equal(new SearchIndexState(0, 0, WasReset: true), await _index.Index.GetStateAsync());
        await _index.Index.IndexAsync([Paper(3, "Fresh start")]);
        Assert.Equal([Id(3)], (await SearchAsync("fresh")).Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task An_index_folder_without_its_segments_file_is_reset()
    {
        await _index.Index.IndexAsync([Paper(1, "Orphaned segment")]);
        _index.Index.Dispose();
        foreach (var file in Directory.GetFiles(_index.IndexPath, "segments*"))
        {
            File.Delete(file);
        }

        _index.Reopen();

        Assert.Equal(new SearchIndexState(0, 0, WasReset: true), await _index.Index.GetStateAsync());
    }

    [Fact]
    public async Task A_second_writer_on_the_same_folder_gets_a_message_naming_the_folder()
    {
        await _index.Index.GetStateAsync();
        using var second = _index.Open();

        var error = await Assert.ThrowsAsync<ChatBotException>(() => second.GetStateAsync());

        Assert.Contains(_index.IndexPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("another ChatBot process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similar_papers_of_a_paper_that_is_not_indexed_are_none()
    {
        await _index.Index.IndexAsync([Paper(1, "Something indexed")]);

        Assert.Empty(await _index.Index.SimilarAsync(Id(2), 5));
    }

    [Fact]
    public async Task Similar_papers_never_include_the_paper_itself()
    {
        await _index.Index.IndexAsync([
            Paper(1, "Sparse attention for long documents"),
            Paper(2, "Sparse attention for long videos"),
            Paper(3, "Sparse attention for long audio"),
            Paper(4, "Protein folding"),
            .. new[] { "Robot grasping", "Speech recognition", "Image captioning", "Weather prediction", "Code generation", "Music synthesis" }
                .Select((title, i) => Paper(5 + i, title)),
        ]);

        var similar = await _index.Index.SimilarAsync(Id(1), 5);

        Assert.NotEmpty(similar);
        Assert.DoesNotContain(Id(1), similar.Select(h => h.Id));
        Assert.DoesNotContain(Id(4), similar.Select(h => h.Id));
    }

    [Fact]
    public async Task A_near_duplicate_is_the_most_similar_paper_in_a_large_index()
    {
        // Enough papers that the common words ("learning", "model") pass the cap on how many papers a
        // similar-papers word may occur in, so only the rarer words decide.
        string[] topics = ["graph", "speech", "protein", "robot", "weather", "music", "code", "image", "video", "text"];
        await _index.Index.IndexAsync([
            .. Enumerable.Range(1, 600).Select(n => Paper(n, $"Learning model for {topics[n % topics.Length]} task number {n}")),
            Paper(1001, "Hyperbolic contrastive embeddings of knowledge graphs with curvature learning"),
            Paper(1002, "Hyperbolic contrastive embeddings of knowledge graphs with learned curvature"),
            Paper(1003, "Contrastive learning model for graph task"),
        ]);

        var similar = await _index.Index.SimilarAsync(Id(1001), 5);

        Assert.Equal(5, similar.Count);
        Assert.Equal(Id(1002), similar[0].Id);
        Assert.DoesNotContain(Id(1001), similar.Select(h => h.Id));
    }

    [Fact]
    public async Task Similar_papers_count_words_in_the_index_as_it_is_now_after_more_papers_are_indexed()
    {
        await _index.Index.IndexAsync([Paper(1, "Zyxwv"), Paper(2, "Protein folding"), Paper(3, "Robot grasping")]);
        Assert.Empty(await _index.Index.SimilarAsync(Id(1), 5)); // no other paper has its word

        await _index.Index.IndexAsync([Paper(4, "Zyxwv")]);

        Assert.Equal([Id(4)], (await _index.Index.SimilarAsync(Id(1), 5)).Select(h => h.Id));
    }

    [Fact]
    public async Task Searches_running_while_papers_are_indexed_see_a_consistent_index()
    {
        var writing = Task.Run(async () =>
        {
            for (var batch = 0; batch < 20; batch++)
            {
                await _index.Index.IndexAsync([.. Enumerable.Range(batch * 10 + 1, 10).Select(n => Paper(n, $"Concurrent paper {n}"))]);
            }
        });

        var lastTotal = 0;
        while (!writing.IsCompleted)
        {
            var results = await SearchAsync("concurrent");
            Assert.True(results.TotalHits >= lastTotal);
            lastTotal = results.TotalHits;
        }

        await writing;
        Assert.Equal(200, (await SearchAsync("concurrent")).TotalHits);
        Assert.Equal(new SearchIndexState(200, 200, false), await _index.Index.GetStateAsync());
    }

    private Task<SearchResults> SearchAsync(string word) =>
        _index.Index.SearchAsync(new SearchQuery { Clauses = [QueryClause.Of(new QueryTerm(QueryField.Any, word, false))] }, 0, 10, Now);

    private static PaperId Id(int n) => PaperId.Parse($"2502.{n:00000}");

    private static Paper Paper(int n, string title) => new()
    {
        Id = Id(n),
        ArxivId = Id(n).Value,
        Title = title,
        Abstract = $"About {title.ToLowerInvariant()}.",
        Sequence = n,
        Revision = n,
        PublishedAt = Now.AddDays(-n),
    };
}
