using ChatBot.Core.Papers;

namespace ChatBot.Storage.Tests.Papers;

public sealed class PaperStoreTests : IDisposable
{
    private readonly StoreFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task A_new_paper_is_stored_with_first_seen_time_and_the_next_sequence()
    {
        var summary = await _fixture.Store.UpsertAsync([ArxivPaper("2106.04554", "Vision Transformers Need Registers", upvotes: 5), TitlePaper("A ConvNet for the 2020s")]);

        Assert.Equal(2, summary.New);
        var vit = await _fixture.Store.FindAsync(PaperId.Parse("2106.04554"));
        var convnet = await _fixture.Store.FindAsync(PaperId.FromTitle("A ConvNet for the 2020s"));
        Assert.NotNull(vit);
        Assert.NotNull(convnet);
        Assert.Equal(1, vit.Sequence);
        Assert.Equal(2, convnet.Sequence);
        Assert.Equal(_fixture.Clock.GetUtcNow(), vit.FirstSeen);
        Assert.Equal([new UpvoteSnapshot(_fixture.Clock.GetUtcNow(), 5)], vit.UpvoteHistory);
    }

    [Fact]
    public async Task Storing_the_same_papers_twice_changes_nothing_the_second_time()
    {
        var papers = new[] { ArxivPaper("2106.04554", "Registers", upvotes: 5, published: new DateTimeOffset(2021, 6, 8, 17, 59, 59, 123, TimeSpan.Zero).AddTicks(4567)), TitlePaper("A ConvNet for the 2020s") };
        await _fixture.Store.UpsertAsync(papers);
        _fixture.Clock.Advance(TimeSpan.FromHours(1));

        var second = await _fixture.Store.UpsertAsync(papers);

        Assert.Equal((0, 0, 2), (second.New, second.Updated, second.Unchanged));
        Assert.Empty(second.Changed);
    }

    [Fact]
    public async Task Upvotes_take_the_newest_value_and_each_change_is_kept_as_a_snapshot()
    {
        var start = _fixture.Clock.GetUtcNow();
        await _fixture.Store.UpsertAsync([ArxivPaper("2501.00001", "Fast Paper", upvotes: 3)]);
        _fixture.Clock.Advance(TimeSpan.FromHours(2));
        await _fixture.Store.UpsertAsync([ArxivPaper("2501.00001", "Fast Paper", upvotes: 40)]);
        _fixture.Clock.Advance(TimeSpan.FromHours(2));
        await _fixture.Store.UpsertAsync([ArxivPaper("2501.00001", "Fast Paper", upvotes: 40)]);

        var paper = await _fixture.Store.FindAsync(PaperId.Parse("2501.00001"));

        Assert.Equal(40, paper!.Upvotes);
        Assert.Equal([new UpvoteSnapshot(start, 3), new UpvoteSnapshot(start.AddHours(2), 40)], paper.UpvoteHistory);
        Assert.Equal(start.AddHours(2), paper.LastUpdated);
    }

    [Fact]
    public async Task Counts_that_go_down_take_the_newer_lower_value_for_upvotes_and_comments()
    {
        var start = _fixture.Clock.GetUtcNow();
        await _fixture.Store.UpsertAsync([ArxivPaper("2501.00003", "Retracted Votes", upvotes: 40) with { Comments = 9 }]);
        _fixture.Clock.Advance(TimeSpan.FromHours(1));

        // Hugging Face recounts: spam votes and comments removed.
        var second = await _fixture.Store.UpsertAsync([ArxivPaper("2501.00003", "Retracted Votes", upvotes: 31) with { Comments = 4 }]);

        var paper = await _fixture.Store.FindAsync(PaperId.Parse("2501.00003"));
        Assert.Equal(1, second.Updated);
        Assert.Equal((31, 4), (paper!.Upvotes, paper.Comments));
        Assert.Equal([new UpvoteSnapshot(start, 40), new UpvoteSnapshot(start.AddHours(1), 31)], paper.UpvoteHistory);
    }

    [Fact]
    public async Task A_comment_count_alone_changing_updates_the_paper()
    {
        await _fixture.Store.UpsertAsync([ArxivPaper("2501.00004", "Chatty", upvotes: 5) with { Comments = 1 }]);

        var second = await _fixture.Store.UpsertAsync([ArxivPaper("2501.00004", "Chatty", upvotes: 5) with { Comments = 6 }]);

        Assert.Equal((0, 1), (second.New, second.Updated));
        Assert.Equal(6, (await _fixture.Store.FindAsync(PaperId.Parse("2501.00004")))!.Comments);
        Assert.Single((await _fixture.Store.FindAsync(PaperId.Parse("2501.00004")))!.UpvoteHistory);
    }

    [Fact]
    public async Task Known_fields_never_become_unknown()
    {
        await _fixture.Store.UpsertAsync([ArxivPaper("2501.00002", "Rich", upvotes: 7) with
        {
            Authors = ["Ada Lovelace", "Alan Turing"],
            Links = new PaperLinks(Code: new Uri("https://github.com/example/rich")),
            Comments = 2,
        }]);

        await _fixture.Store.UpsertAsync([new Paper { Id = PaperId.Parse("2501.00002"), ArxivId = "2501.00002", Title = "Rich", Sources = [PaperSources.Arxiv] }]);

        var paper = await _fixture.Store.FindAsync(PaperId.Parse("2501.00002"));
        Assert.Equal(["Ada Lovelace", "Alan Turing"], paper!.Authors);
        Assert.Equal(7, paper.Upvotes);
        Assert.Equal(2, paper.Comments);
        Assert.Equal(new Uri("https://github.com/example/rich"), paper.Links.Code);
        Assert.Equal([PaperSources.HuggingFace, PaperSources.Arxiv], paper.Sources);
    }

    [Fact]
    public async Task A_paper_first_known_by_title_is_rekeyed_when_its_arxiv_id_arrives()
    {
        await _fixture.Store.UpsertAsync([TitlePaper("Peri-LN: Revisiting Layer Normalization in the Transformer Architecture") with { AuthorCount = 9 }]);
        var titleKeyed = await _fixture.Store.FindAsync(PaperId.FromTitle("Peri-LN: Revisiting Layer Normalization in the Transformer Architecture"));

        var summary = await _fixture.Store.UpsertAsync([ArxivPaper("2502.02732", "Peri-LN: Revisiting Layer Normalization in the Transformer Architecture", upvotes: 12)]);

        Assert.Equal((0, 1), (summary.New, summary.Updated));
        var paper = await _fixture.Store.FindAsync(PaperId.Parse("2502.02732"));
        Assert.NotNull(paper);
        Assert.Equal(titleKeyed!.Sequence, paper.Sequence);
        Assert.Equal(9, paper.AuthorCount);
        Assert.Equal([PaperSources.File, PaperSources.HuggingFace], paper.Sources);
        // The old title key still finds it, and there is only one record.
        Assert.Equal(paper.Id, (await _fixture.Store.FindAsync(titleKeyed.Id))!.Id);
        Assert.Equal(1, (await _fixture.Store.GetStatsAsync()).Papers);
    }

    [Fact]
    public async Task A_title_only_record_merges_into_the_arxiv_paper_of_the_same_title()
    {
        await _fixture.Store.UpsertAsync([ArxivPaper("2201.03545", "A ConvNet for the 2020s", upvotes: 1)]);

        var summary = await _fixture.Store.UpsertAsync([TitlePaper("A CONVNET for the 2020s!") with { AuthorCount = 6 }]);

        Assert.Equal((0, 1), (summary.New, summary.Updated));
        var paper = await _fixture.Store.FindAsync(PaperId.Parse("2201.03545"));
        Assert.Equal(6, paper!.AuthorCount);
        Assert.Equal(1, (await _fixture.Store.GetStatsAsync()).Papers);
    }

    [Fact]
    public async Task Merges_within_one_batch_see_the_batch_own_earlier_writes()
    {
        const string Title = "Peri-LN: Revisiting Layer Normalization in the Transformer Architecture";

        var summary = await _fixture.Store.UpsertAsync([
            TitlePaper(Title) with { AuthorCount = 9 },
            ArxivPaper("2502.02732", Title, upvotes: 12),
            ArxivPaper("2502.02732", Title, upvotes: 15),
            TitlePaper(Title),
            ArxivPaper("2502.09999", Title, upvotes: 1),
        ]);

        Assert.Equal((2, 2, 1), (summary.New, summary.Updated, summary.Unchanged));
        var paper = await _fixture.Store.FindAsync(PaperId.Parse("2502.02732"));
        Assert.Equal((15, 9), (paper!.Upvotes, paper.AuthorCount));
        Assert.Equal(2, (await _fixture.Store.GetStatsAsync()).Papers);
    }

    [Fact]
    public async Task Title_keys_stored_before_a_restart_still_merge_and_find_their_papers()
    {
        await _fixture.Store.UpsertAsync([
            ArxivPaper("2201.03545", "A ConvNet for the 2020s", upvotes: 1),
            TitlePaper("Peri-LN: Revisiting Layer Normalization"),
            ArxivPaper("2301.00001", "Attention Is All You Need", upvotes: 1),
            ArxivPaper("2301.00002", "Attention Is All You Need", upvotes: 2),
        ]);
        _fixture.Reopen();

        var summary = await _fixture.Store.UpsertAsync([
            TitlePaper("A CONVNET for the 2020s!") with { AuthorCount = 6 },
            ArxivPaper("2502.02732", "Peri-LN: Revisiting Layer Normalization", upvotes: 12),
            TitlePaper("Attention is all you need") with { AuthorCount = 8 },
        ]);
        _fixture.Reopen();

        Assert.Equal((0, 3), (summary.New, summary.Updated));
        Assert.Equal(6, (await _fixture.Store.FindAsync(PaperId.Parse("2201.03545")))!.AuthorCount);
        // The re-keyed paper is still found by its old title id, after another restart.
        Assert.Equal("2502.02732", (await _fixture.Store.FindAsync(PaperId.FromTitle("Peri-LN: Revisiting Layer Normalization")))!.Id.Value);
        // A title-only record of a title two arXiv papers share merges into the first stored.
        Assert.Equal((8, (int?)null), ((await _fixture.Store.FindAsync(PaperId.Parse("2301.00001")))!.AuthorCount, (await _fixture.Store.FindAsync(PaperId.Parse("2301.00002")))!.AuthorCount));
        Assert.Equal(4, (await _fixture.Store.GetStatsAsync()).Papers);
    }

    [Fact]
    public async Task Two_arxiv_papers_with_the_same_title_stay_apart()
    {
        await _fixture.Store.UpsertAsync([ArxivPaper("2301.00001", "Attention Is All You Need", upvotes: 1)]);

        var summary = await _fixture.Store.UpsertAsync([ArxivPaper("2301.00002", "Attention Is All You Need", upvotes: 1)]);

        Assert.Equal(1, summary.New);
        Assert.Equal(2, (await _fixture.Store.GetStatsAsync()).Papers);
    }

    [Fact]
    public async Task Papers_after_a_sequence_come_back_in_sequence_order_and_survive_a_restart()
    {
        await _fixture.Store.UpsertAsync([TitlePaper("First"), TitlePaper("Second")]);
        await _fixture.Store.UpsertAsync([TitlePaper("Third")]);
        _fixture.Reopen();
        await _fixture.Store.UpsertAsync([TitlePaper("Fourth")]);

        var after = await _fixture.Store.ReadAfterAsync(1, 10);

        Assert.Equal(["Second", "Third", "Fourth"], after.Select(p => p.Title));
        Assert.Equal([2L, 3L, 4L], after.Select(p => p.Sequence));
        Assert.Equal(["Second"], (await _fixture.Store.ReadAfterAsync(1, 1)).Select(p => p.Title));
    }

    [Fact]
    public async Task Concurrent_upserts_of_overlapping_batches_leave_one_record_per_paper()
    {
        var titles = Enumerable.Range(0, 200).Select(i => $"Concurrent paper number {i}").ToArray();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
            _fixture.Store.UpsertAsync([.. titles.Skip(worker * 10).Take(100).Select(TitlePaper)]))));

        var stats = await _fixture.Store.GetStatsAsync();
        Assert.Equal(170, stats.Papers); // workers cover titles 0..169, overlapping
        var sequences = (await _fixture.Store.ReadAfterAsync(0, 1000)).Select(p => p.Sequence).ToArray();
        Assert.Equal(Enumerable.Range(1, 170).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task Stats_count_papers_by_source_and_span_their_dates()
    {
        await _fixture.Store.UpsertAsync([
            TitlePaper("Old") with { PublishedAt = new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero) },
            ArxivPaper("2501.00003", "New", upvotes: 1, published: new DateTimeOffset(2025, 1, 3, 0, 0, 0, TimeSpan.Zero)),
            TitlePaper("Undated"),
        ]);

        var stats = await _fixture.Store.GetStatsAsync();

        Assert.Equal(3, stats.Papers);
        Assert.Equal(2, stats.BySource[PaperSources.File]);
        Assert.Equal(1, stats.BySource[PaperSources.HuggingFace]);
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero), stats.OldestPublished);
        Assert.Equal(new DateTimeOffset(2025, 1, 3, 0, 0, 0, TimeSpan.Zero), stats.NewestPublished);
        Assert.Equal(3, stats.LastSequence);
    }

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
