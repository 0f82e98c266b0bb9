using ChatBot.Core.Ingestion;
using ChatBot.Core.Ingestion.Sources;
using ChatBot.Testing;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Core.Tests.Ingestion.Sources;

public sealed class InboxSourceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 7, 15, 9, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();
    private readonly TestClock _clock = new(Now);
    private readonly IHost _host;

    public InboxSourceTests()
    {
        _host = SourcesHost.Build(
            new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = _data.Path,
                ["Sources:HuggingFace:Enabled"] = "false",
            },
            _clock);
    }

    private IPaperSource Source => _host.Source("inbox");

    private string Inbox => Path.Combine(_data.Path, "inbox");

    public void Dispose()
    {
        _host.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Files_of_each_format_are_imported_once_and_moved_to_processed()
    {
        await Drop("sources_page.txt", SourceDocuments.DailyPapersText("Sparse Attention for Long Sequences"));
        await Drop("sources_daily.json", SourceDocuments.HuggingFaceList("2507.00001", "2507.00002"));
        await Drop("sources_feed.atom", SourceDocuments.ArxivFeed("2507.00003v2"));

        var first = await Source.FetchAllAsync();
        var second = await Source.FetchAllAsync();

        Assert.Equal(["sources_daily.json", "sources_feed.atom", "sources_page.txt"], first.Select(batch => batch.Origin));
        Assert.Equal([2, 1, 1], first.Select(batch => batch.Papers.Count));
        Assert.All(first, batch => Assert.Empty(batch.Rejections));
        Assert.Empty(second);
        Assert.Empty(Directory.GetFiles(Inbox));
        Assert.Equal(["sources_daily.json", "sources_feed.atom", "sources_page.txt"], FileNames("processed"));
    }

    [Fact]
    public async Task A_file_nothing_can_be_read_from_goes_to_rejected_with_a_reason()
    {
        await Drop("sources_page.html", "<html><body><p>Not a paper list</p></body></html>\n");

        var batch = Assert.Single(await Source.FetchAllAsync());

        Assert.Empty(batch.Papers);
        Assert.NotEmpty(batch.Rejections);
        Assert.Empty(Directory.GetFiles(Inbox));
        Assert.Equal(["sources_page.html", "sources_page.html.reason.txt"], FileNames("rejected"));
        var reason = await File.ReadAllTextAsync(Path.Combine(Inbox, "rejected", "sources_page.html.reason.txt"));
        Assert.StartsWith("sources_page.html: unrecognised document", reason, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Inbox, "processed")));
    }

    [Fact]
    public async Task A_partly_bad_file_goes_to_processed_with_a_list_of_its_rejections()
    {
        var json = SourceDocuments.HuggingFaceList("2507.00001", "2507.00002")
            .Replace("\"title\": \"Paper 2507.00002\",", "", StringComparison.Ordinal);
        await Drop("sources_partly.json", json);

        var batch = Assert.Single(await Source.FetchAllAsync());

        Assert.Single(batch.Papers);
        var rejection = Assert.Single(batch.Rejections);
        Assert.Equal(["sources_partly.json", "sources_partly.json.rejections.txt"], FileNames("processed"));
        var listed = await File.ReadAllLinesAsync(Path.Combine(Inbox, "processed", "sources_partly.json.rejections.txt"));
        Assert.Equal([rejection.ToString()], listed);
        Assert.Matches(@"^sources_partly\.json:\d+: item 2 \(2507\.00002\): no title$", listed[0]);
    }

    [Fact]
    public async Task A_file_still_being_written_is_skipped_until_it_settles()
    {
        await Drop("sources_copying.json", SourceDocuments.HuggingFaceList("2507.00001"), age: TimeSpan.FromSeconds(1));

        var whileWritten = await Source.FetchAllAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var settled = await Source.FetchAllAsync();

        Assert.Empty(whileWritten);
        Assert.Equal("sources_copying.json", Assert.Single(settled).Origin);
        Assert.Equal(["sources_copying.json"], FileNames("processed"));
    }

    [Fact]
    public async Task Hidden_and_temporary_files_are_left_alone()
    {
        await Drop(".sources_hidden.json", SourceDocuments.HuggingFaceList("2507.00001"));
        await Drop("sources_download.json.part", SourceDocuments.HuggingFaceList("2507.00002"));
        await Drop("sources_edit.json~", SourceDocuments.HuggingFaceList("2507.00003"));

        var batches = await Source.FetchAllAsync();

        Assert.Empty(batches);
        Assert.Equal(3, Directory.GetFiles(Inbox).Length);
    }

    [Fact]
    public async Task A_name_already_taken_in_processed_gets_a_suffix_and_nothing_is_overwritten()
    {
        Directory.CreateDirectory(Path.Combine(Inbox, "processed"));
        await File.WriteAllTextAsync(Path.Combine(Inbox, "processed", "sources_daily.json"), "earlier import");
        await Drop("sources_daily.json", SourceDocuments.HuggingFaceList("2507.00001"));

        await Source.FetchAllAsync();

        Assert.Equal(["sources_daily-2.json", "sources_daily.json"], FileNames("processed"));
        Assert.Equal("earlier import", await File.ReadAllTextAsync(Path.Combine(Inbox, "processed", "sources_daily.json")));
    }

    [Fact]
    public async Task A_file_leaves_the_inbox_only_once_the_consumer_asks_for_the_next_batch()
    {
        await Drop("sources_a.json", SourceDocuments.HuggingFaceList("2507.00001"));
        await Drop("sources_b.json", SourceDocuments.HuggingFaceList("2507.00002"));

        await using (var batches = Source.FetchAsync(CancellationToken.None).GetAsyncEnumerator())
        {
            Assert.True(await batches.MoveNextAsync());
            Assert.Equal("sources_a.json", batches.Current.Origin);
            Assert.True(File.Exists(Path.Combine(Inbox, "sources_a.json"))); // taken, not yet stored

            Assert.True(await batches.MoveNextAsync());
            Assert.False(File.Exists(Path.Combine(Inbox, "sources_a.json"))); // asking for more means a was stored
            Assert.Equal("sources_b.json", batches.Current.Origin);

            // The consumer stops here (its store failed, say): b was never confirmed.
        }

        Assert.Equal(["sources_b.json"], Directory.GetFiles(Inbox).Select(Path.GetFileName));
        Assert.Equal("sources_b.json", Assert.Single(await Source.FetchAllAsync()).Origin);
    }

    [Fact]
    public async Task A_file_that_cannot_be_opened_stays_in_the_inbox_and_is_tried_again()
    {
        var path = await Drop("sources_locked.json", SourceDocuments.HuggingFaceList("2507.00001"));

        List<PaperBatch> whileLocked;
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            whileLocked = await Source.FetchAllAsync();
        }

        var afterwards = await Source.FetchAllAsync();

        Assert.Empty(whileLocked);
        Assert.Equal("sources_locked.json", Assert.Single(afterwards).Origin);
    }

    [Fact]
    public async Task A_missing_inbox_folder_is_created()
    {
        var batches = await Source.FetchAllAsync();

        Assert.Empty(batches);
        Assert.True(Directory.Exists(Inbox));
    }

    /// <summary>Writes a file into the inbox whose last write was <paramref name="age"/> (default a minute) ago.</summary>
    private async Task<string> Drop(string name, string content, TimeSpan? age = null)
    {
        Directory.CreateDirectory(Inbox);
        var path = Path.Combine(Inbox, name);
        await File.WriteAllTextAsync(path, content);
        File.SetLastWriteTimeUtc(path, (Now - (age ?? TimeSpan.FromMinutes(1))).UtcDateTime);
        return path;
    }

    private string[] FileNames(string subfolder) =>
        [.. Directory.GetFiles(Path.Combine(Inbox, subfolder)).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];
}
