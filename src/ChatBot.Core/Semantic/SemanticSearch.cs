using ChatBot.Core.Papers;

namespace ChatBot.Core.Semantic;

/// <summary>
/// Search by meaning for the features built on it (hybrid ranking, similar papers, alerts by example): a query's
/// nearest papers, a paper's nearest papers. Every answer is null when meaning is unavailable (the model is off or
/// failed to load, or the paper has no vector yet), and the caller falls back to keywords.
/// </summary>
public sealed class SemanticSearch(ITextEmbedder embedder, IPaperVectorStore vectors)
{
    /// <summary>Whether queries can be embedded now; false also while the model has not loaded yet.</summary>
    public bool IsAvailable => embedder.Status.IsAvailable;

    /// <summary>The papers nearest in meaning to <paramref name="text"/>, best first, among the sequences <paramref name="allow"/> accepts.</summary>
    public async Task<IReadOnlyList<VectorHit>?> SearchAsync(string text, int limit, Func<long, bool>? allow = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var vector = await EmbedAsync(text, cancellationToken);
        return vector is null || !await HoldsCurrentModelAsync(cancellationToken) ? null : await vectors.SearchAsync(vector, limit, allow, cancellationToken);
    }

    /// <summary>The papers nearest in meaning to paper <paramref name="id"/>, without it; null when it has no vector.</summary>
    public async Task<IReadOnlyList<VectorHit>?> SimilarAsync(PaperId id, int limit, Func<long, bool>? allow = null, CancellationToken cancellationToken = default)
    {
        var paper = await vectors.FindAsync(id, cancellationToken);
        if (paper is null || !await HoldsCurrentModelAsync(cancellationToken))
        {
            return null;
        }

        var hits = await vectors.SearchAsync(paper.Vector, limit + 1, s => s != paper.Sequence && (allow is null || allow(s)), cancellationToken);
        return hits.Count > limit ? [.. hits.Take(limit)] : hits;
    }

    /// <summary>The unit vector of <paramref name="text"/>, or null when the model is unavailable.</summary>
    public async Task<float[]?> EmbedAsync(string text, CancellationToken cancellationToken = default)
    {
        var status = await embedder.EnsureLoadedAsync(cancellationToken);
        if (!status.IsAvailable)
        {
            return null;
        }

        try
        {
            return (await embedder.EmbedAsync([text], cancellationToken))[0];
        }
        catch (EmbedderUnavailableException)
        {
            return null;
        }
    }

    // Vectors of another model (kept until the synchronizer has re-embedded) do not compare with this model's.
    private async Task<bool> HoldsCurrentModelAsync(CancellationToken cancellationToken) =>
        (await vectors.GetStateAsync(cancellationToken)).ModelId == embedder.ModelId;
}
