using ChatBot.Core.Papers;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Papers;

/// <summary>Revisions are how the search index knows what it missed: every stored change gets the next one.</summary>
public sealed class PaperRevisionTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Every_new_or_changed_paper_gets_the_next_revision_and_unchanged_ones_keep_theirs()
    {
        await _fixture.Store.UpsertAsync([TestPapers.Arxiv("2501.00001", "A", upvotes: 1), TestPapers.Arxiv("2501.00002", "B", upvotes: 1)]);
        await _fixture.Store.UpsertAsync([TestPapers.Arxiv("2501.00001", "A", upvotes: 5), TestPapers.Arxiv("2501.00002", "B", upvotes: 1)]);

        var a = await _fixture.Store.FindAsync(PaperId.FromArxiv("2501.00001"));
        var b = await _fixture.Store.FindAsync(PaperId.FromArxiv("2501.00002"));

        Assert.Equal(3, a!.Revision);
        Assert.Equal(2, b!.Revision);
        Assert.Equal(3, await _fixture.Store.GetLastRevisionAsync());
    }

    [Fact]
    public async Task Reading_changes_after_a_revision_returns_only_later_changes_in_order()
    {
        await _fixture.Store.UpsertAsync([TestPapers.Arxiv("2501.00001", "A", upvotes: 1), TestPapers.Arxiv("2501.00002", "B")]);
        await _fixture.Store.UpsertAsync([TestPapers.Arxiv("2501.00001", "A", upvotes: 9)]);

        var changed = await _fixture.Store.ReadChangedAfterAsync(1, 10);

        Assert.Equal([("2501.00002", 2L), ("2501.00001", 3L)], changed.Select(p => (p.Id.Value, p.Revision)));
    }

    [Fact]
    public async Task Papers_stored_before_revisions_existed_get_one_when_the_store_opens()
    {
        await _fixture.Store.UpsertAsync([TestPapers.Arxiv("2501.00001", "A"), TestPapers.Arxiv("2501.00002", "B")]);
        _fixture.Reopen(db =>
        {
            // Rewind to the old layout: no revision field, no revision counter.
            var papers = db.GetCollection("papers");
            foreach (var document in papers.FindAll().ToList())
            {
                document.Remove("Revision");
                papers.Update(document);
            }

            db.GetCollection("meta").Delete("paper-revision");
        });

        var changed = await _fixture.Store.ReadChangedAfterAsync(0, 10);

        Assert.Equal([1L, 2L], changed.Select(p => p.Revision));
        Assert.Equal(2, await _fixture.Store.GetLastRevisionAsync());
    }

    [Fact]
    public async Task Fresh_papers_are_those_published_or_listed_since_a_moment()
    {
        var old = TestPapers.Arxiv("2401.00001", "Old") with { PublishedAt = _fixture.Clock.GetUtcNow().AddDays(-30) };
        var listedToday = TestPapers.Arxiv("2401.00002", "Old but listed today") with
        {
            PublishedAt = _fixture.Clock.GetUtcNow().AddDays(-30),
            ListedAt = _fixture.Clock.GetUtcNow(),
        };
        var undated = TestPapers.Titled("Undated, first seen now");
        await _fixture.Store.UpsertAsync([old, listedToday, undated]);

        var fresh = await _fixture.Store.ListFreshSinceAsync(_fixture.Clock.GetUtcNow().AddDays(-3));

        Assert.Equal(["Old but listed today", "Undated, first seen now"], fresh.Select(p => p.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Finding_many_returns_the_existing_papers_in_the_order_asked()
    {
        await _fixture.Store.UpsertAsync([TestPapers.Arxiv("2501.00001", "A"), TestPapers.Arxiv("2501.00002", "B")]);

        var found = await _fixture.Store.FindManyAsync([PaperId.FromArxiv("2501.00002"), PaperId.FromArxiv("2501.09999"), PaperId.FromArxiv("2501.00001")]);

        Assert.Equal(["B", "A"], found.Select(p => p.Title));
    }
}
