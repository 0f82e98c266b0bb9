using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Storage.Search;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Storage.Tests.Search;

/// <summary>
/// An update is searchable when it returns, but written to disk (committed, with the revision it holds)
/// only every <see cref="SearchIndexOptions.CommitEveryPapers"/> papers, after <see cref="SearchIndexOptions.CommitInterval"/>
/// on the clock, or when the index is closed.
/// </summary>
public sealed class SearchIndexCommitTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly TempSearchIndex _index;

    public SearchIndexCommitTests()
    {
        _index = new TempSearchIndex(new SearchIndexOptions { CommitEveryPapers = 3, CommitInterval = TimeSpan.FromMinutes(5) }, _clock);
    }

    public void Dispose() => _index.Dispose();

    [Fact]
    public async Task Papers_are_searchable_when_the_update_returns_before_any_commit()
    {
        await _index.Index.IndexAsync([Paper(1, "Registers in vision transformers"), Paper(2, "Speech transformers")]);

        Assert.Equal(2, (await SearchAsync("transformers")).TotalHits);
        Assert.Equal(new SearchIndexState(2, 2, WasReset: false), await _index.Index.GetStateAsync());
        // Nothing of it is on disk yet: the last commit is the empty index's.
        Assert.Equal((0, 0L), Committed());
    }

    [Fact]
    public async Task An_update_commits_once_enough_papers_are_uncommitted()
    {
        await _index.Index.IndexAsync([Paper(1, "One"), Paper(2, "Two")]);
        Assert.Equal((0, 0L), Committed());

        await _index.Index.IndexAsync([Paper(3, "Three")]);

        Assert.Equal((3, 3L), Committed());
    }

    [Fact]
    public async Task An_update_commits_once_the_last_commit_is_older_than_the_interval()
    {
        await _index.Index.IndexAsync([Paper(1, "One")]);
        _clock.Advance(TimeSpan.FromMinutes(4));
        await _index.Index.IndexAsync([Paper(2, "Two")]);
        Assert.Equal((0, 0L), Committed());

        _clock.Advance(TimeSpan.FromMinutes(1));
        await _index.Index.IndexAsync([Paper(3, "Three") with { Revision = 5 }]);

        Assert.Equal((3, 5L), Committed());
    }

    [Fact]
    public async Task Closing_the_index_commits_what_was_applied()
    {
        await _index.Index.IndexAsync([Paper(1, "Registers"), Paper(2, "Speech")]);

        _index.Reopen();

        Assert.Equal((2, 2L), Committed());
        Assert.Equal(new SearchIndexState(2, 2, WasReset: false), await _index.Index.GetStateAsync());
        Assert.Equal(1, (await SearchAsync("speech")).TotalHits);
    }

    [Fact]
    public async Task A_crash_loses_only_what_was_not_committed_and_indexing_it_again_leaves_one_entry()
    {
        await _index.Index.IndexAsync([Paper(1, "One"), Paper(2, "Two"), Paper(3, "Three")]);
        await _index.Index.IndexAsync([Paper(4, "Four")]);

        _index.Index.CloseWithoutCommit();

        Assert.Equal(new SearchIndexState(3, 3, WasReset: false), await _index.Index.GetStateAsync());
        Assert.Equal(0, (await SearchAsync("four")).TotalHits);
        // Paper 4 was never committed: indexing it again must not leave two entries (its sequence is above the recorded one).
        await _index.Index.IndexAsync([Paper(4, "Four")]);
        await _index.Index.IndexAsync([Paper(4, "Four again") with { Revision = 5 }]);
        Assert.Equal(1, (await SearchAsync("four")).TotalHits);
        Assert.Equal(4, (await _index.Index.GetStateAsync()).Documents);
    }

    private (int Documents, long Revision) Committed()
    {
        var snapshot = LuceneIndexInspection.Read(_index.IndexPath);
        return (snapshot.Documents, snapshot.Revision);
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
