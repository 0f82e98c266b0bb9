using ChatBot.Core.Papers;

namespace ChatBot.Storage.Tests.Papers;

public sealed class PaperStoreTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task A_database_written_with_the_old_indexes_loses_the_unused_ones_and_keeps_working()
    {
        await _fixture.Store.UpsertAsync([ArxivPaper("2106.04554", "Vision Transformers Need Registers", upvotes: 5)]);
        _fixture.Reopen(db =>
        {
            // The layout before the unused indexes went: arXiv id, published date and title key indexed too.
            var papers = db.GetCollection("papers");
            papers.EnsureIndex("ArxivId");
            papers.EnsureIndex("Published");
            papers.EnsureIndex("TitleKey");
        });

        var summary = await _fixture.Store.UpsertAsync([ArxivPaper("2106.04554", "Vision Transformers Need Registers", upvotes: 9), TitlePaper("A ConvNet for the 2020s")]);
        _fixture.Reopen(db =>
        {
            var indexes = db.GetCollection("$indexes").Find(LiteDB.Query.EQ("collection", "papers")).Select(i => i["name"].AsString);
            Assert.Equal(["Fresh", "Revision", "Sequence", "_id"], indexes.Order(StringComparer.Ordinal));
        });

        Assert.Equal((1, 1), (summary.New, summary.Updated));
        Assert.Equal(9, (await _fixture.Store.FindAsync(PaperId.Parse("2106.04554")))!.Upvotes);
        Assert.NotNull(await _fixture.Store.FindAsync(PaperId.FromTitle("A ConvNet for the 2020s")));
    }

    [Fact]
    public async Task A_database_from_before_the_kept_count_is_counted_and_then_keeps_its_count()
    {
        await _fixture.Store.UpsertAsync([ArxivPaper("2106.04554", "Vision Transformers Need Registers", upvotes: 5), TitlePaper("A ConvNet for the 2020s")]);
        _fixture.Reopen(db => Assert.True(db.GetCollection("meta").Delete("paper-count")));

        Assert.Equal(2, (await _fixture.Store.GetCountersAsync()).Papers);
        await _fixture.Store.UpsertAsync([ArxivPaper("2201.03545", "A ConvNet for the 2020s", upvotes: 3), TitlePaper("Segment Anything")]);
        _fixture.Reopen(db => Assert.Equal(3, db.GetCollection("meta").FindById("paper-count")["value"].AsInt64));

        Assert.Equal(3, (await _fixture.Store.GetCountersAsync()).Papers);
    }

    private static Paper ArxivPaper(string arxivId, string title, int upvotes, DateTimeOffset? published = null) => new()
    {
        Id = PaperId.Parse(arxivId),
        ArxivId = arxivId,
        Title = title,
        Abstract = $"Abstract of {title}.",
        Upvotes = upvotes,
        PublishedAt = published,
        Sources = [PaperSources.HuggingFace],
    };

    private static Paper TitlePaper(string title) => new()
    {
        Id = PaperId.FromTitle(title),
        Title = title,
        Abstract = $"Abstract of {title}.",
        Sources = [PaperSources.File],
    };
}
