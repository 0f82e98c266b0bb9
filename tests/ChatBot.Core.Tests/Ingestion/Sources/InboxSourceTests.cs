using ChatBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Core.Tests.Ingestion.Sources;

public sealed class InboxSourceTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow().AddMinutes(1));

    public void Dispose() => _data.Dispose();

    private string Inbox => Path.Combine(_data.Path, "inbox");

    [Fact]
    public async Task A_dropped_file_is_imported_once_and_moved_to_processed()
    {
        Directory.CreateDirectory(Inbox);
        await File.WriteAllTextAsync(Path.Combine(Inbox, "page.txt"), await File.ReadAllTextAsync(SeedCorpus.Files[0]));
        using var host = Host();
        var inbox = host.Source("inbox");

        var first = await inbox.FetchAllAsync();
        var second = await inbox.FetchAllAsync();

        Assert.Equal(68, Assert.Single(first).Papers.Count);
        Assert.Empty(second);
        Assert.False(File.Exists(Path.Combine(Inbox, "page.txt")));
        Assert.True(File.Exists(Path.Combine(Inbox, "processed", "page.txt")));
    }

    [Fact]
    public async Task A_file_with_nothing_readable_goes_to_rejected_with_its_reason()
    {
        Directory.CreateDirectory(Inbox);
        await File.WriteAllTextAsync(Path.Combine(Inbox, "broken.json"), "{\"error\":\"Invalid date\"}");
        using var host = Host();

        await host.Source("inbox").FetchAllAsync();

        Assert.True(File.Exists(Path.Combine(Inbox, "rejected", "broken.json")));
        var reason = await File.ReadAllTextAsync(Path.Combine(Inbox, "rejected", "broken.json.reason.txt"));
        Assert.Contains("Invalid date", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partly_bad_file_is_imported_and_its_rejections_are_written_beside_it()
    {
        Directory.CreateDirectory(Inbox);
        var seed = await File.ReadAllTextAsync(SeedCorpus.Files[3]);
        // A paper whose date line is not a real date, before the real papers of file 003.
        var bad = "Broken Dates in Daily Papers\n\n" + new string('x', 10) + " We study what happens when a page shows an impossible date. " +
            "It should be reported with its line and skipped, and the rest of the file kept.\n\n  • 3 authors\n·\nFeb 30, 2021\n\n";
        await File.WriteAllTextAsync(Path.Combine(Inbox, "mixed.txt"), bad + seed);
        using var host = Host();

        var batch = Assert.Single(await host.Source("inbox").FetchAllAsync());

        Assert.Equal(42, batch.Papers.Count);
        Assert.Single(batch.Rejections);
        Assert.True(File.Exists(Path.Combine(Inbox, "processed", "mixed.txt")));
        var rejections = await File.ReadAllTextAsync(Path.Combine(Inbox, "processed", "mixed.txt.rejections.txt"));
        Assert.Contains("mixed.txt:1", rejections, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_still_being_written_is_left_for_a_later_tick()
    {
        Directory.CreateDirectory(Inbox);
        var path = Path.Combine(Inbox, "fresh.txt");
        await File.WriteAllTextAsync(path, await File.ReadAllTextAsync(SeedCorpus.Files[0]));
        File.SetLastWriteTimeUtc(path, _clock.GetUtcNow().UtcDateTime.AddMilliseconds(-500));
        using var host = Host();

        var batches = await host.Source("inbox").FetchAllAsync();

        Assert.Empty(batches);
        Assert.True(File.Exists(path));
    }

    private Microsoft.Extensions.Hosting.IHost Host() => SourcesHost.Build(
        new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path, ["Sources:HuggingFace:Enabled"] = "false" },
        _clock);
}
