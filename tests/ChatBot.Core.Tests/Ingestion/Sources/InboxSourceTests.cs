using ChatBot.Core.Ingestion;
using ChatBot.Core.Ingestion.Sources;
using ChatBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Tests.Ingestion.Sources;

public sealed class InboxSourceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 7, 15, 9, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();
    private readonly TestClock _clock = new(Now);
    private readonly TempDirectory _outside = new();
    private readonly RecordingLoggerProvider _logs = new();
    private readonly IHost _host;

    public InboxSourceTests()
    {
        _host = SourcesHost.Build(
            new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = _data.Path,
                ["Sources:HuggingFace:Enabled"] = "false",
                ["Sources:Inbox:MaxFileBytes"] = "65536",
            },
            _clock,
            services => services.AddSingleton<ILoggerProvider>(_logs));
    }

    private IPaperSource Source => _host.Source("inbox");

    private string Inbox => Path.Combine(_data.Path, "inbox");

    public void Dispose()
    {
        _host.Dispose();
        _data.Dispose();
        _outside.Dispose();
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

    [LinuxFact]
    public async Task A_named_pipe_is_left_alone_with_a_logged_reason_and_does_not_hold_up_the_other_files()
    {
        PastTheSettleTimeOfWhatIsMadeNow();
        Directory.CreateDirectory(Inbox);
        UnixFiles.MakeFifo(Path.Combine(Inbox, "a_pipe.json"));
        await Drop("b_daily.json", SourceDocuments.HuggingFaceList("2507.00001"));

        // Opening the pipe to read would wait for a writer that never comes.
        var batches = await Source.FetchAllAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var again = await Source.FetchAllAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(["b_daily.json"], batches.Select(b => b.Origin));
        Assert.Empty(again);
        Assert.True(File.Exists(Path.Combine(Inbox, "a_pipe.json")));
        var skipped = Assert.Single(_logs.Entries, e => e.Entry.EventId.Id == 1125).Entry; // once, not every fetch
        Assert.Equal("Inbox: a_pipe.json is a named pipe (FIFO), not a regular file; left alone (only regular files are imported)", skipped.Message);
    }

    [LinuxFact]
    public async Task Symbolic_links_are_not_followed_whether_to_an_endless_device_or_to_a_file_elsewhere()
    {
        PastTheSettleTimeOfWhatIsMadeNow();
        Directory.CreateDirectory(Inbox);
        File.CreateSymbolicLink(Path.Combine(Inbox, "zero.json"), "/dev/zero");
        var elsewhere = _outside.File("private.json");
        await File.WriteAllTextAsync(elsewhere, SourceDocuments.HuggingFaceList("2507.00009"));
        File.CreateSymbolicLink(Path.Combine(Inbox, "elsewhere.json"), elsewhere);

        var batches = await Source.FetchAllAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Empty(batches);
        Assert.Equal(["elsewhere.json", "zero.json"], Directory.GetFiles(Inbox).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(elsewhere));
        Assert.Equal(
            ["Inbox: elsewhere.json is a symbolic link, not a regular file; left alone (only regular files are imported)",
             "Inbox: zero.json is a symbolic link, not a regular file; left alone (only regular files are imported)"],
            _logs.Entries.Where(e => e.Entry.EventId.Id == 1125).Select(e => e.Entry.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_rejected_unread_naming_the_setting()
    {
        await Drop("huge.json", SourceDocuments.HuggingFaceList("2507.00001") + new string(' ', 70_000));

        var batch = Assert.Single(await Source.FetchAllAsync());

        Assert.Empty(batch.Papers);
        Assert.Equal("huge.json: the file is larger than 64 KiB (Sources:Inbox:MaxFileBytes)", Assert.Single(batch.Rejections).ToString());
        Assert.Equal(["huge.json", "huge.json.reason.txt"], FileNames("rejected"));
    }

    [LinuxFact]
    public async Task A_processed_or_rejected_folder_that_is_a_link_is_refused_and_nothing_is_written_through_it()
    {
        Directory.CreateDirectory(Inbox);
        var target = Directory.CreateDirectory(_outside.File("target")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(Inbox, "processed"), target);
        Directory.CreateSymbolicLink(Path.Combine(Inbox, "rejected"), target);
        await Drop("good.json", SourceDocuments.HuggingFaceList("2507.00001"));
        await Drop("bad.html", "<html><body>no papers</body></html>\n");

        var batches = await Source.FetchAllAsync();

        Assert.Equal(["bad.html", "good.json"], batches.Select(b => b.Origin));
        Assert.Empty(Directory.GetFileSystemEntries(target));
        Assert.True(File.Exists(Path.Combine(Inbox, "good.json")));
        Assert.True(File.Exists(Path.Combine(Inbox, "bad.html")));
        Assert.Equal(2, _logs.Entries.Count(e => e.Entry.EventId.Id == 1126 && e.Entry.Message.Contains("is a symbolic link, not a folder", StringComparison.Ordinal)));
    }

    [LinuxFact]
    public async Task A_link_waiting_where_a_note_would_go_is_neither_followed_nor_replaced()
    {
        var rejected = Directory.CreateDirectory(Path.Combine(Inbox, "rejected")).FullName;
        var victim = _outside.File("victim.txt");
        File.CreateSymbolicLink(Path.Combine(rejected, "bad.html.reason.txt"), victim); // dangling: writing through it would create victim.txt
        await Drop("bad.html", "<html><body>no papers</body></html>\n");

        await Source.FetchAllAsync();

        Assert.False(File.Exists(victim));
        Assert.Equal(["bad-2.html", "bad-2.html.reason.txt", "bad.html.reason.txt"], FileNames("rejected"));
    }

    // Pipes and links made by a test were written just now, by the wall clock; a minute later they have settled.
    private void PastTheSettleTimeOfWhatIsMadeNow() => _clock.SetUtcNow(TimeProvider.System.GetUtcNow().AddMinutes(1));

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
