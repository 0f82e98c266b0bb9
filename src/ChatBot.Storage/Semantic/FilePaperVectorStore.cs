using ChatBot.Core.Papers;
using ChatBot.Core.Semantic;
using ChatBot.Core.Storage;
using ChatBot.Storage.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Semantic;

/// <summary>
/// The paper vectors beside the search index, in <c>vectors/paper-vectors.bin</c> under <c>Search:IndexDirectory</c>
/// (a subfolder, which Lucene's own clean-ups never touch), held in memory as int8 for exact search
/// (<see cref="QuantizedVectorSet"/>). Opened on first use: a damaged or foreign file starts empty, so every paper is
/// embedded again. Changes are serialized; searches run alongside them.
/// </summary>
internal sealed class FilePaperVectorStore(IOptions<SearchIndexOptions> options, IOptions<StorageOptions> storage, ILogger<FilePaperVectorStore> logger)
    : IPaperVectorStore, IDisposable
{
    public const string FolderName = "vectors";
    public const string FileName = "paper-vectors.bin";

    // Rewritten when replaced and removed vectors make up most of the file.
    private const int RewriteSlack = 4096;

    private readonly Lock _lock = new();
    private readonly string _path = Path.Combine(storage.Value.Resolve(options.Value.IndexDirectory), FolderName, FileName);
    private PaperVectorFile? _file;
    private volatile QuantizedVectorSet? _vectors;
    private bool _opened;

    /// <summary>The vector file.</summary>
    public string FilePath => _path;

    public Task<PaperVectorState> GetStateAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            EnsureOpen();
            return Task.FromResult(_file is { } file && _vectors is { } vectors
                ? new PaperVectorState(file.ModelId, file.Dimensions, file.Revision, vectors.Count, vectors.MemoryBytes)
                : new PaperVectorState(null, 0, 0, 0, 0));
        }
    }

    public Task ResetAsync(string modelId, int dimensions, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        lock (_lock)
        {
            EnsureOpen();
            _file?.Dispose();
            _vectors?.Dispose();
            _file = null;
            _vectors = null;
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            _file = PaperVectorFile.Create(_path, modelId, dimensions);
            _vectors = new QuantizedVectorSet(dimensions);
        }

        return Task.CompletedTask;
    }

    public Task ApplyAsync(PaperVectorChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_lock)
        {
            EnsureOpen();
            var file = _file ?? throw new InvalidOperationException("Reset the vector store for a model before applying vectors.");
            var vectors = _vectors!;
            var upserted = new List<(PaperVector, sbyte[], float)>(changes.Upserted.Count);
            foreach (var vector in changes.Upserted)
            {
                var values = new sbyte[file.Dimensions];
                if (vector.Vector.Length != file.Dimensions)
                {
                    throw new ArgumentException($"A vector has {vector.Vector.Length} dimensions, not {file.Dimensions}.", nameof(changes));
                }

                upserted.Add((vector, values, Int8Vectors.Quantize(vector.Vector, values)));
            }

            // On disk first: a step that did not reach the file is not in memory either, and is embedded again.
            file.Append(upserted, changes.RemovedSequences, changes.Revision);
            foreach (var sequence in changes.RemovedSequences)
            {
                vectors.Remove(sequence);
            }

            foreach (var (vector, values, scale) in upserted)
            {
                vectors.Upsert(vector.Sequence, vector.Id, vector.ContentHash, values, scale);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int limit, Func<long, bool>? allow = null, CancellationToken cancellationToken = default)
    {
        var vectors = Vectors();
        return Task.FromResult(vectors is null ? [] : vectors.Search(query.Span, limit, allow));
    }

    public Task<PaperVector?> FindAsync(PaperId id, CancellationToken cancellationToken = default) => Task.FromResult(Vectors()?.Find(id));

    public Task<IReadOnlyDictionary<long, ulong>> GetContentHashesAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var hashes = new Dictionary<long, ulong>();
        if (Vectors() is { } vectors)
        {
            foreach (var sequence in sequences)
            {
                if (vectors.TryGetContentHash(sequence, out var hash))
                {
                    hashes[sequence] = hash;
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<long, ulong>>(hashes);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _file?.Dispose();
            _vectors?.Dispose();
            _file = null;
            _vectors = null;
        }
    }

    private QuantizedVectorSet? Vectors()
    {
        if (!_opened)
        {
            lock (_lock)
            {
                EnsureOpen();
            }
        }

        return _vectors;
    }

    private void EnsureOpen()
    {
        if (_opened)
        {
            return;
        }

        _opened = true;
        try
        {
            if (PaperVectorFile.Open(_path) is not { } opened)
            {
                return;
            }

            var (file, vectors, droppedTail) = opened;
            if (droppedTail)
            {
                Log.VectorFileTailDropped(logger, _path, file.Revision);
            }

            if (file.Records > (2L * vectors.Count) + RewriteSlack)
            {
                var revision = file.Revision;
                var modelId = file.ModelId;
                file.Dispose();
                file = PaperVectorFile.Rewrite(_path, modelId, vectors, revision);
            }

            _file = file;
            _vectors = vectors;
            Log.VectorFileOpened(logger, _path, vectors.Count, file.Revision, file.ModelId);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // The vectors are derived data: start empty, and the synchronizer embeds every paper again.
            Log.VectorFileUnreadable(logger, _path, e.Message, e);
        }
    }
}
