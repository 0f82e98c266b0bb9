using ChatBot.Core.Papers;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Papers;

/// <summary>Revisions are how the search index knows what it missed: every stored change gets the next one.</summary>
public sealed class PaperRevisionTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

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

}
