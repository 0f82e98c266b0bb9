using ChatBot.Core.Papers;

namespace ChatBot.Core.Semantic;

/// <summary>An <see cref="IPaperVectorStore"/> that keeps nothing on disk: for tests, and the base the file store persists.</summary>
public sealed class InMemoryPaperVectorStore : IPaperVectorStore, IDisposable
{
    private readonly Lock _lock = new();
    private QuantizedVectorSet? _set;
    private string? _modelId;
    private long _revision;

    public Task<PaperVectorState> GetStateAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(new PaperVectorState(_modelId, _set?.Dimensions ?? 0, _revision, _set?.Count ?? 0, _set?.MemoryBytes ?? 0));
        }
    }

    public Task ResetAsync(string modelId, int dimensions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        lock (_lock)
        {
            _set?.Dispose();
            _set = new QuantizedVectorSet(dimensions);
            _modelId = modelId;
            _revision = 0;
        }

        return Task.CompletedTask;
    }

    public Task ApplyAsync(PaperVectorChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_lock)
        {
            var set = _set ?? throw new InvalidOperationException("Reset the store for a model before applying vectors.");
            foreach (var sequence in changes.RemovedSequences)
            {
                set.Remove(sequence);
            }

            foreach (var vector in changes.Upserted)
            {
                set.Upsert(vector);
            }

            _revision = Math.Max(_revision, changes.Revision);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int limit, Func<long, bool>? allow = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(_set is { } set ? set.Search(query.Span, limit, allow) : (IReadOnlyList<VectorHit>)[]);

    public Task<PaperVector?> FindAsync(PaperId id, CancellationToken cancellationToken = default) => Task.FromResult(_set?.Find(id));

    public Task<IReadOnlyDictionary<long, ulong>> GetContentHashesAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var hashes = new Dictionary<long, ulong>();
        if (_set is { } set)
        {
            foreach (var sequence in sequences)
            {
                if (set.TryGetContentHash(sequence, out var hash))
                {
                    hashes[sequence] = hash;
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<long, ulong>>(hashes);
    }

    public void Dispose() => _set?.Dispose();
}
