using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Contracts;

/// <summary>
/// IPaperStore: merging (the same arXiv id, or the same title key when no id is known, is one paper), sequence
/// numbers for new papers, revisions for every change, upvote snapshots, and the reads that follow them.
/// </summary>
public abstract class PaperStoreContract : StorageContract
{
    [ContractFact]
    public async Task A_new_paper_is_stored_with_first_seen_time_and_the_next_sequence()
    {
        var summary = await Storage.Papers.UpsertAsync([ArxivPaper("2106.04554", "Vision Transformers Need Registers", upvotes: 5), TitlePaper("A ConvNet for the 2020s")]);

        Assert.Equal(2, summary.New);
        var vit = await Storage.Papers.FindAsync(PaperId.Parse("2106.04554"));
        var convnet = await Storage.Papers.FindAsync(PaperId.FromTitle("A ConvNet for the 2020s"));
        Assert.NotNull(vit);
        Assert.NotNull(convnet);
        Assert.Equal(1, vit.Sequence);
        Assert.Equal(2, convnet.Sequence);
        Assert.Equal(Storage.Clock.GetUtcNow(), vit.FirstSeen);
        Assert.Equal([new UpvoteSnapshot(Storage.Clock.GetUtcNow(), 5)], vit.UpvoteHistory);
    }

    [ContractFact]
    public async Task Storing_the_same_papers_twice_changes_nothing_the_second_time()
    {
        var papers = new[] { ArxivPaper("2106.04554", "Registers", upvotes: 5, published: new DateTimeOffset(2021, 6, 8, 17, 59, 59, 123, TimeSpan.Zero).AddTicks(4567)), TitlePaper("A ConvNet for the 2020s") };
        await Storage.Papers.UpsertAsync(papers);
        Storage.Clock.Advance(TimeSpan.FromHours(1));

        var second = await Storage.Papers.UpsertAsync(papers);

        Assert.Equal((0, 0, 2), (second.New, second.Updated, second.Unchanged));
        Assert.Empty(second.Changed);
    }

    [ContractFact]
    public async Task Upvotes_take_the_newest_value_and_each_change_is_kept_as_a_snapshot()
    {
        var start = Storage.Clock.GetUtcNow();
        await Storage.Papers.UpsertAsync([ArxivPaper("2501.00001", "Fast Paper", upvotes: 3)]);
        Storage.Clock.Advance(TimeSpan.FromHours(2));
        await Storage.Papers.UpsertAsync([ArxivPaper("2501.00001", "Fast Paper", upvotes: 40)]);
        Storage.Clock.Advance(TimeSpan.FromHours(2));
        await Storage.Papers.UpsertAsync([ArxivPaper("2501.00001", "Fast Paper", upvotes: 40)]);

        var paper = await Storage.Papers.FindAsync(PaperId.Parse("2501.00001"));

        Assert.Equal(40, paper!.Upvotes);
        Assert.Equal([new UpvoteSnapshot(start, 3), new UpvoteSnapshot(start.AddHours(2), 40)], paper.UpvoteHistory);
        Assert.Equal(start.AddHours(2), paper.LastUpdated);
    }

    [ContractFact]
    public async Task Counts_that_go_down_take_the_newer_lower_value_for_upvotes_and_comments()
    {
        var start = Storage.Clock.GetUtcNow();
        await Storage.Papers.UpsertAsync([ArxivPaper("2501.00003", "Retracted Votes", upvotes: 40) with { Comments = 9 }]);
        Storage.Clock.Advance(TimeSpan.FromHours(1));

        // Hugging Face recounts: spam votes and comments removed.
        var second = await Storage.Papers.UpsertAsync([ArxivPaper("2501.00003", "Retracted Votes", upvotes: 31) with { Comments = 4 }]);

        var paper = await Storage.Papers.FindAsync(PaperId.Parse("2501.00003"));
        Assert.Equal(1, second.Updated);
        Assert.Equal((31, 4), (paper!.Upvotes, paper.Comments));
        Assert.Equal([new UpvoteSnapshot(start, 40), new UpvoteSnapshot(start.AddHours(1), 31)], paper.UpvoteHistory);
    }

    [ContractFact]
    public async Task A_comment_count_alone_changing_updates_the_paper()
    {
        await Storage.Papers.UpsertAsync([ArxivPaper("2501.00004", "Chatty", upvotes: 5) with { Comments = 1 }]);

        var second = await Storage.Papers.UpsertAsync([ArxivPaper("2501.00004", "Chatty", upvotes: 5) with { Comments = 6 }]);

        Assert.Equal((0, 1), (second.New, second.Updated));
        Assert.Equal(6, (await Storage.Papers.FindAsync(PaperId.Parse("2501.00004")))!.Comments);
        Assert.Single((await Storage.Papers.FindAsync(PaperId.Parse("2501.00004")))!.UpvoteHistory);
    }

    [ContractFact]
    public async Task Known_fields_never_become_unknown()
    {
        await Storage.Papers.UpsertAsync([ArxivPaper("2501.00002", "Rich", upvotes: 7) with
        {
            Authors = ["Ada Lovelace", "Alan Turing"],
            Links = new PaperLinks(Code: new Uri("https://github.com/example/rich")),
            Comments = 2,
        }]);

        await Storage.Papers.UpsertAsync([new Paper { Id = PaperId.Parse("2501.00002"), ArxivId = "2501.00002", Title = "Rich", Sources = [PaperSources.Arxiv] }]);

        var paper = await Storage.Papers.FindAsync(PaperId.Parse("2501.00002"));
        Assert.Equal(["Ada Lovelace", "Alan Turing"], paper!.Authors);
        Assert.Equal(7, paper.Upvotes);
        Assert.Equal(2, paper.Comments);
        Assert.Equal(new Uri("https://github.com/example/rich"), paper.Links.Code);
        Assert.Equal([PaperSources.HuggingFace, PaperSources.Arxiv], paper.Sources);
    }

    [ContractFact]
    public async Task A_paper_first_known_by_title_is_rekeyed_when_its_arxiv_id_arrives()
    {
        await Storage.Papers.UpsertAsync([TitlePaper("Peri-LN: Revisiting Layer Normalization in the Transformer Architecture") with { AuthorCount = 9 }]);
        var titleKeyed = await Storage.Papers.FindAsync(PaperId.FromTitle("Peri-LN: Revisiting Layer Normalization in the Transformer Architecture"));

        var summary = await Storage.Papers.UpsertAsync([ArxivPaper("2502.02732", "Peri-LN: Revisiting Layer Normalization in the Transformer Architecture", upvotes: 12)]);

        Assert.Equal((0, 1), (summary.New, summary.Updated));
        var paper = await Storage.Papers.FindAsync(PaperId.Parse("2502.02732"));
        Assert.NotNull(paper);
        Assert.Equal(titleKeyed!.Sequence, paper.Sequence);
        Assert.Equal(9, paper.AuthorCount);
        Assert.Equal([PaperSources.File, PaperSources.HuggingFace], paper.Sources);
        // The old title key still finds it, and there is only one record.
        Assert.Equal(paper.Id, (await Storage.Papers.FindAsync(titleKeyed.Id))!.Id);
        Assert.Equal(1, (await Storage.Papers.GetStatsAsync()).Papers);
    }

    [ContractFact]
    public async Task A_title_only_record_merges_into_the_arxiv_paper_of_the_same_title()
    {
        await Storage.Papers.UpsertAsync([ArxivPaper("2201.03545", "A ConvNet for the 2020s", upvotes: 1)]);

        var summary = await Storage.Papers.UpsertAsync([TitlePaper("A CONVNET for the 2020s!") with { AuthorCount = 6 }]);

        Assert.Equal((0, 1), (summary.New, summary.Updated));
        var paper = await Storage.Papers.FindAsync(PaperId.Parse("2201.03545"));
        Assert.Equal(6, paper!.AuthorCount);
        Assert.Equal(1, (await Storage.Papers.GetStatsAsync()).Papers);
    }

    [ContractFact]
    public async Task Merges_within_one_batch_see_the_batch_own_earlier_writes()
    {
        const string Title = "Peri-LN: Revisiting Layer Normalization in the Transformer Architecture";

        var summary = await Storage.Papers.UpsertAsync([
            TitlePaper(Title) with { AuthorCount = 9 },
            ArxivPaper("2502.02732", Title, upvotes: 12),
            ArxivPaper("2502.02732", Title, upvotes: 15),
            TitlePaper(Title),
            ArxivPaper("2502.09999", Title, upvotes: 1),
        ]);

        Assert.Equal((2, 2, 1), (summary.New, summary.Updated, summary.Unchanged));
        var paper = await Storage.Papers.FindAsync(PaperId.Parse("2502.02732"));
        Assert.Equal((15, 9), (paper!.Upvotes, paper.AuthorCount));
        Assert.Equal(2, (await Storage.Papers.GetStatsAsync()).Papers);
    }

    [ContractFact]
    public async Task Title_keys_stored_before_a_restart_still_merge_and_find_their_papers()
    {
        await Storage.Papers.UpsertAsync([
            ArxivPaper("2201.03545", "A ConvNet for the 2020s", upvotes: 1),
            TitlePaper("Peri-LN: Revisiting Layer Normalization"),
            ArxivPaper("2301.00001", "Attention Is All You Need", upvotes: 1),
            ArxivPaper("2301.00002", "Attention Is All You Need", upvotes: 2),
        ]);
        await Storage.ReopenAsync();

        var summary = await Storage.Papers.UpsertAsync([
            TitlePaper("A CONVNET for the 2020s!") with { AuthorCount = 6 },
            ArxivPaper("2502.02732", "Peri-LN: Revisiting Layer Normalization", upvotes: 12),
            TitlePaper("Attention is all you need") with { AuthorCount = 8 },
        ]);
        await Storage.ReopenAsync();

        Assert.Equal((0, 3), (summary.New, summary.Updated));
        Assert.Equal(6, (await Storage.Papers.FindAsync(PaperId.Parse("2201.03545")))!.AuthorCount);
        // The re-keyed paper is still found by its old title id, after another restart.
        Assert.Equal("2502.02732", (await Storage.Papers.FindAsync(PaperId.FromTitle("Peri-LN: Revisiting Layer Normalization")))!.Id.Value);
        // A title-only record of a title two arXiv papers share merges into the first stored.
        Assert.Equal((8, (int?)null), ((await Storage.Papers.FindAsync(PaperId.Parse("2301.00001")))!.AuthorCount, (await Storage.Papers.FindAsync(PaperId.Parse("2301.00002")))!.AuthorCount));
        Assert.Equal(4, (await Storage.Papers.GetStatsAsync()).Papers);
    }


    [ContractFact]
    public async Task Two_arxiv_papers_with_the_same_title_stay_apart()
    {
        await Storage.Papers.UpsertAsync([ArxivPaper("2301.00001", "Attention Is All You Need", upvotes: 1)]);

        var summary = await Storage.Papers.UpsertAsync([ArxivPaper("2301.00002", "Attention Is All You Need", upvotes: 1)]);

        Assert.Equal(1, summary.New);
        Assert.Equal(2, (await Storage.Papers.GetStatsAsync()).Papers);
    }

    [ContractFact]
    public async Task Papers_after_a_sequence_come_back_in_sequence_order_and_survive_a_restart()
    {
        await Storage.Papers.UpsertAsync([TitlePaper("First"), TitlePaper("Second")]);
        await Storage.Papers.UpsertAsync([TitlePaper("Third")]);
        await Storage.ReopenAsync();
        await Storage.Papers.UpsertAsync([TitlePaper("Fourth")]);

        var after = await Storage.Papers.ReadAfterAsync(1, 10);

        Assert.Equal(["Second", "Third", "Fourth"], after.Select(p => p.Title));
        Assert.Equal([2L, 3L, 4L], after.Select(p => p.Sequence));
        Assert.Equal(["Second"], (await Storage.Papers.ReadAfterAsync(1, 1)).Select(p => p.Title));
    }

    [ContractFact]
    public async Task Concurrent_upserts_of_overlapping_batches_leave_one_record_per_paper()
    {
        var titles = Enumerable.Range(0, 200).Select(i => $"Concurrent paper number {i}").ToArray();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
            Storage.Papers.UpsertAsync([.. titles.Skip(worker * 10).Take(100).Select(TitlePaper)]))));

        var stats = await Storage.Papers.GetStatsAsync();
        Assert.Equal(170, stats.Papers); // workers cover titles 0..169, overlapping
        var sequences = (await Storage.Papers.ReadAfterAsync(0, 1000)).Select(p => p.Sequence).ToArray();
        Assert.Equal(Enumerable.Range(1, 170).Select(i => (long)i), sequences);
    }

    [ContractFact]
    public async Task Counters_agree_with_the_full_stats_through_new_papers_merges_and_re_keys()
    {
        Assert.Equal(new PaperCounters(0, 0, 0), await Storage.Papers.GetCountersAsync());

        await Storage.Papers.UpsertAsync([TitlePaper("Known by title first"), ArxivPaper("2501.00011", "Another", upvotes: 1)]);
        // The title-keyed paper learns its id (re-keyed: a delete and an insert), the other gains upvotes.
        await Storage.Papers.UpsertAsync([ArxivPaper("2501.00012", "Known by title first", upvotes: 2), ArxivPaper("2501.00011", "Another", upvotes: 5)]);
        await Storage.Papers.UpsertAsync([TitlePaper("A third")]);

        var counters = await Storage.Papers.GetCountersAsync();
        var stats = await Storage.Papers.GetStatsAsync();
        Assert.Equal(new PaperCounters(stats.Papers, stats.LastSequence, stats.LastRevision), counters);
        Assert.Equal(new PaperCounters(3, 3, 5), counters);
    }

    [ContractFact]
    public async Task Stats_count_papers_by_source_and_span_their_dates()
    {
        await Storage.Papers.UpsertAsync([
            TitlePaper("Old") with { PublishedAt = new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero) },
            ArxivPaper("2501.00003", "New", upvotes: 1, published: new DateTimeOffset(2025, 1, 3, 0, 0, 0, TimeSpan.Zero)),
            TitlePaper("Undated"),
        ]);

        var stats = await Storage.Papers.GetStatsAsync();

        Assert.Equal(3, stats.Papers);
        Assert.Equal(2, stats.BySource[PaperSources.File]);
        Assert.Equal(1, stats.BySource[PaperSources.HuggingFace]);
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero), stats.OldestPublished);
        Assert.Equal(new DateTimeOffset(2025, 1, 3, 0, 0, 0, TimeSpan.Zero), stats.NewestPublished);
        Assert.Equal(3, stats.LastSequence);
    }

    [ContractFact]
    public async Task Every_new_or_changed_paper_gets_the_next_revision_and_unchanged_ones_keep_theirs()
    {
        await Storage.Papers.UpsertAsync([TestPapers.Arxiv("2501.00001", "A", upvotes: 1), TestPapers.Arxiv("2501.00002", "B", upvotes: 1)]);
        await Storage.Papers.UpsertAsync([TestPapers.Arxiv("2501.00001", "A", upvotes: 5), TestPapers.Arxiv("2501.00002", "B", upvotes: 1)]);

        var a = await Storage.Papers.FindAsync(PaperId.FromArxiv("2501.00001"));
        var b = await Storage.Papers.FindAsync(PaperId.FromArxiv("2501.00002"));

        Assert.Equal(3, a!.Revision);
        Assert.Equal(2, b!.Revision);
        Assert.Equal(3, await Storage.Papers.GetLastRevisionAsync());
    }

    [ContractFact]
    public async Task Reading_changes_after_a_revision_returns_only_later_changes_in_order()
    {
        await Storage.Papers.UpsertAsync([TestPapers.Arxiv("2501.00001", "A", upvotes: 1), TestPapers.Arxiv("2501.00002", "B")]);
        await Storage.Papers.UpsertAsync([TestPapers.Arxiv("2501.00001", "A", upvotes: 9)]);

        var changed = await Storage.Papers.ReadChangedAfterAsync(1, 10);

        Assert.Equal([("2501.00002", 2L), ("2501.00001", 3L)], changed.Select(p => (p.Id.Value, p.Revision)));
    }

    [ContractFact]
    public async Task Fresh_papers_are_those_published_or_listed_since_a_moment()
    {
        var old = TestPapers.Arxiv("2401.00001", "Old") with { PublishedAt = Storage.Clock.GetUtcNow().AddDays(-30) };
        var listedToday = TestPapers.Arxiv("2401.00002", "Old but listed today") with
        {
            PublishedAt = Storage.Clock.GetUtcNow().AddDays(-30),
            ListedAt = Storage.Clock.GetUtcNow(),
        };
        var undated = TestPapers.Titled("Undated, first seen now");
        await Storage.Papers.UpsertAsync([old, listedToday, undated]);

        var fresh = await Storage.Papers.ListFreshSinceAsync(Storage.Clock.GetUtcNow().AddDays(-3));

        Assert.Equal(["Old but listed today", "Undated, first seen now"], fresh.Select(p => p.Title).Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task Finding_many_returns_the_existing_papers_in_the_order_asked()
    {
        await Storage.Papers.UpsertAsync([TestPapers.Arxiv("2501.00001", "A"), TestPapers.Arxiv("2501.00002", "B")]);

        var found = await Storage.Papers.FindManyAsync([PaperId.FromArxiv("2501.00002"), PaperId.FromArxiv("2501.09999"), PaperId.FromArxiv("2501.00001")]);

        Assert.Equal(["B", "A"], found.Select(p => p.Title));
    }


    [ContractFact]
    public async Task The_upvote_history_keeps_the_newest_snapshots_in_order_and_they_survive_a_restart()
    {
        var start = Storage.Clock.GetUtcNow();
        for (var upvotes = 1; upvotes <= PaperMerger.MaxUpvoteSnapshots + 3; upvotes++)
        {
            await Storage.Papers.UpsertAsync([ArxivPaper("2501.00009", "Popular", upvotes)]);
            Storage.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await Storage.ReopenAsync();
        var history = (await Storage.Papers.FindAsync(PaperId.Parse("2501.00009")))!.UpvoteHistory;

        Assert.Equal(PaperMerger.MaxUpvoteSnapshots, history.Count);
        Assert.Equal(new UpvoteSnapshot(start.AddMinutes(3), 4), history[0]);
        Assert.Equal(new UpvoteSnapshot(start.AddMinutes(PaperMerger.MaxUpvoteSnapshots + 2), PaperMerger.MaxUpvoteSnapshots + 3), history[^1]);
        Assert.Equal(history.OrderBy(s => s.At), history);
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
