using System.Threading.Channels;
using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Testing;

namespace ChatBot.Core.Tests.Ingestion;

/// <summary>
/// A <see cref="RecordingSearchIndex"/> whose updates each wait for <see cref="Release"/>, so a test can hold the
/// index on one batch while the ingestor stores the next. <see cref="Started"/> yields each update's revisions as it begins.
/// </summary>
internal sealed class GatedSearchIndex : ISearchIndex, IDisposable
{
    private readonly RecordingSearchIndex _inner = new();
    private readonly Channel<IReadOnlyList<long>> _started = Channel.CreateUnbounded<IReadOnlyList<long>>();
    private readonly SemaphoreSlim _gate = new(0);

    public IReadOnlyCollection<Paper> Papers => _inner.Papers;

    public ChannelReader<IReadOnlyList<long>> Started => _started.Reader;

    public void Release() => _gate.Release();

    public async Task IndexAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default)
    {
        await _started.Writer.WriteAsync([.. papers.Select(p => p.Revision)], cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        await _inner.IndexAsync(papers, cancellationToken);
    }

    public Task<SearchResults> SearchAsync(SearchQuery query, int offset, int limit, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _inner.SearchAsync(query, offset, limit, now, cancellationToken);

    public Task<SequenceSet?> FilterAsync(SearchQuery query, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        _inner.FilterAsync(query, now, cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SimilarAsync(PaperId id, int limit, CancellationToken cancellationToken = default) =>
        _inner.SimilarAsync(id, limit, cancellationToken);

    public Task<SearchIndexState> GetStateAsync(CancellationToken cancellationToken = default) => _inner.GetStateAsync(cancellationToken);

    public Task ClearAsync(CancellationToken cancellationToken = default) => _inner.ClearAsync(cancellationToken);

    public void Dispose() => _gate.Dispose();
}
