using ChatBot.Core.Doctor;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Search;

/// <summary>The doctor's search index row against a real database and index, each opened and closed as the bot would leave them.</summary>
public sealed class SearchIndexCheckTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task An_index_holding_the_databases_last_revision_passes()
    {
        await ImportSeedsAsync();

        var result = await CheckAsync();

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("current with the database", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_index_behind_the_database_is_a_warning_that_it_catches_up_on_start()
    {
        await ImportSeedsAsync();
        using (var storage = new HostedStorage(_data.Path))
        {
            await storage.Store.UpsertAsync([TestPapers.Titled("Stored while the index was not updated")]);
        }

        var result = await CheckAsync();

        Assert.Equal(CheckStatus.Warning, result.Status);
        Assert.Contains("behind the database", result.Detail, StringComparison.Ordinal);
        Assert.Contains("catch up on start", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_index_fails_with_reindex_as_the_fix_and_is_not_repaired_by_the_check()
    {
        await ImportSeedsAsync();
        var files = Directory.GetFiles(_data.File("index")).Where(f => Path.GetFileName(f) != "write.lock").ToList();
        foreach (var file in files)
        {
            await File.WriteAllBytesAsync(file, [.. Enumerable.Repeat((byte)0x5A, 64)]);
        }

        var result = await CheckAsync();

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("damaged", result.Detail, StringComparison.Ordinal);
        Assert.Contains("`reindex`", result.Fix, StringComparison.Ordinal);
        Assert.All(files, file => Assert.Equal([.. Enumerable.Repeat((byte)0x5A, 64)], File.ReadAllBytes(file)));
    }

    [Fact]
    public async Task A_missing_index_of_a_database_with_papers_is_a_warning_naming_reindex()
    {
        await ImportSeedsAsync();
        Directory.Delete(_data.File("index"), recursive: true);

        var result = await CheckAsync();

        Assert.Equal(CheckStatus.Warning, result.Status);
        Assert.Contains("is missing", result.Detail, StringComparison.Ordinal);
        Assert.Contains("`reindex`", result.Fix, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_data.File("index")), "the check builds nothing");
    }

    private async Task ImportSeedsAsync()
    {
        using var storage = new HostedStorage(_data.Path);
        await storage.ImportSeedsAsync();
    }

    private async Task<CheckResult> CheckAsync()
    {
        using var storage = new HostedStorage(_data.Path);
        var result = await storage.DoctorCheck("Search index").RunAsync(CancellationToken.None);
        Assert.NotNull(result);
        return result;
    }
}
