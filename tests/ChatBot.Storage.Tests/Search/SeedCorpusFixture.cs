using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Search;

/// <summary>
/// The seed pages imported once, through the host's registration (ingestor, LiteDB store,
/// synchronizer, Lucene index), into a temp data directory shared by the seed-corpus tests.
/// </summary>
public sealed class SeedCorpusFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new();
    private HostedStorage? _storage;

    public IReadOnlyList<Paper> Papers { get; private set; } = [];

    public ISearchIndex Index => _storage!.Index;

    /// <summary>The alert matcher as the host registers it.</summary>
    public IAlertMatcher AlertMatcher => _storage!.AlertMatcher;

    public async Task InitializeAsync()
    {
        _storage = new HostedStorage(_data.Path);
        await _storage.ImportSeedsAsync();
        Papers = await _storage.Store.ReadAfterAsync(0, 100_000);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _storage?.Dispose();
        _data.Dispose();
    }

    public Paper Paper(PaperId id) => Papers.Single(p => p.Id == id);
}
