using ChatBot.Core.Papers;

namespace ChatBot.Core.Storage;

/// <summary>The record of truth for papers.</summary>
public interface IPaperStore
{
    /// <summary>
    /// Merges a batch into the store in one transaction: the same arXiv id, or the same title key
    /// when no id is known, is one paper. New papers get the next sequence numbers in batch order.
    /// </summary>
    Task<UpsertSummary> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default);

    Task<Paper?> FindAsync(PaperId id, CancellationToken cancellationToken = default);

    /// <summary>Papers whose <see cref="Paper.Sequence"/> is greater than <paramref name="afterSequence"/>, in sequence order.</summary>
    Task<IReadOnlyList<Paper>> ReadAfterAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    Task<PaperStats> GetStatsAsync(CancellationToken cancellationToken = default);
}
