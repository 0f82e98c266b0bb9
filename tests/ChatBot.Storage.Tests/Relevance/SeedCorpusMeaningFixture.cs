using ChatBot.Core.Search;
using ChatBot.Core.Semantic;
using ChatBot.Storage.Tests.Search;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Relevance;

/// <summary>
/// The seed pages imported as the host does, with the packaged embedding model registered as the bot registers it
/// and every paper embedded: search in every mode through <see cref="PaperSearch"/>, the search command's path.
/// </summary>
public sealed class SeedCorpusMeaningFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new();
    private HostedStorage? _storage;

    public PaperSearch Search => _storage!.Get<PaperSearch>();

    /// <summary>Every seed paper's vector, and the model, for measurements over the vectors themselves.</summary>
    public IPaperVectorStore Vectors => _storage!.Get<IPaperVectorStore>();

    public SemanticSearch Semantic => _storage!.Get<SemanticSearch>();

    /// <summary>Why search by meaning is unavailable, or null when the model loaded.</summary>
    public string? ModelUnavailable { get; private set; }

    public async Task InitializeAsync()
    {
        _storage = new HostedStorage(_data.Path, embeddings: true);
        await _storage.ImportSeedsAsync();
        var status = await _storage.Get<ITextEmbedder>().EnsureLoadedAsync();
        ModelUnavailable = status.IsAvailable ? null : status.Reason ?? status.State.ToString();
        await _storage.Get<PaperVectorSynchronizer>().CatchUpAsync(progress: null, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _storage?.Dispose();
        _data.Dispose();
    }
}
