using ChatBot.Core.Semantic;

namespace ChatBot.Testing;

/// <summary>
/// A deterministic stand-in for the embedding model: each word of a text adds to a few hashed dimensions, and the sum
/// is scaled to unit length, so texts sharing words are close. Counts what it embedded; can be made to fail to load.
/// </summary>
public sealed class FakeTextEmbedder(int dimensions = 64, string modelId = "fake-words-v1") : ITextEmbedder
{
    private readonly Lock _lock = new();
    private readonly List<string> _embedded = [];

    public string ModelId { get; } = modelId;

    public int Dimensions { get; } = dimensions;

    public EmbedderStatus Status { get; set; } = EmbedderStatus.Available;

    /// <summary>Every text embedded so far, in order.</summary>
    public IReadOnlyList<string> Embedded
    {
        get
        {
            lock (_lock)
            {
                return [.. _embedded];
            }
        }
    }

    public Task<EmbedderStatus> EnsureLoadedAsync(CancellationToken cancellationToken = default) => Task.FromResult(Status);

    public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (!Status.IsAvailable)
        {
            throw new EmbedderUnavailableException(Status.Reason ?? "unavailable");
        }

        lock (_lock)
        {
            _embedded.AddRange(texts);
        }

        return Task.FromResult<IReadOnlyList<float[]>>([.. texts.Select(Vector)]);
    }

    public float[] Vector(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[Dimensions];
        foreach (var word in text.ToUpperInvariant().Split([' ', '.', ',', ':', ';', '-', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = EmbeddingText.Hash(word);
            vector[(int)(hash % (ulong)Dimensions)] += 1;
            vector[(int)((hash >> 20) % (ulong)Dimensions)] += 0.5f;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm == 0)
        {
            vector[0] = 1;
            return vector;
        }

        return [.. vector.Select(v => v / norm)];
    }
}
