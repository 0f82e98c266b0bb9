using ChatBot.Core.Papers;

namespace ChatBot.Core.Semantic;

/// <summary>
/// Every paper's vector, derived from the paper store and following it by revision like the search index
/// (<see cref="PaperVectorSynchronizer"/>), with exact nearest-neighbour search over them.
/// </summary>
public interface IPaperVectorStore
{
    Task<PaperVectorState> GetStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes every vector and starts over for <paramref name="modelId"/> (a new model, or a store that ran ahead of the papers).</summary>
    Task ResetAsync(string modelId, int dimensions, CancellationToken cancellationToken = default);

    /// <summary>Applies one step durably: after a crash the store reopens at the last step applied, never between.</summary>
    Task ApplyAsync(PaperVectorChanges changes, CancellationToken cancellationToken = default);

    /// <summary>
    /// The <paramref name="limit"/> papers whose vectors are closest to <paramref name="query"/> (unit length), best
    /// first, among those whose sequence <paramref name="allow"/> accepts (all when null).
    /// </summary>
    Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int limit, Func<long, bool>? allow = null, CancellationToken cancellationToken = default);

    /// <summary>The paper's stored vector, or null when it has none (not embedded yet, withdrawn, unknown).</summary>
    Task<PaperVector?> FindAsync(PaperId id, CancellationToken cancellationToken = default);

    /// <summary>The content hash stored for each of <paramref name="sequences"/> that has a vector.</summary>
    Task<IReadOnlyDictionary<long, ulong>> GetContentHashesAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default);
}
