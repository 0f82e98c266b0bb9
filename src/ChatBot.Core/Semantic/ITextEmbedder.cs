namespace ChatBot.Core.Semantic;

/// <summary>
/// Turns texts into sentence embeddings: unit-length vectors whose dot product is their cosine similarity.
/// The model loads once, on first use or <see cref="EnsureLoadedAsync"/>; when it cannot, the embedder stays
/// unavailable (with the reason) and the bot runs on keywords.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Names the model and anything that changes its vectors; stored vectors of another id are re-embedded.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    EmbedderStatus Status { get; }

    /// <summary>Loads the model if it is not loaded yet; never throws for a model that cannot load (see <see cref="Status"/>).</summary>
    Task<EmbedderStatus> EnsureLoadedAsync(CancellationToken cancellationToken = default);

    /// <summary>One normalised vector per text, in order. Throws <see cref="EmbedderUnavailableException"/> when the model is unavailable.</summary>
    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
