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
