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

    /// <summary>Papers whose <see cref="Paper.Revision"/> is greater than <paramref name="afterRevision"/>, in revision order.</summary>
    Task<IReadOnlyList<Paper>> ReadChangedAfterAsync(long afterRevision, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The highest <see cref="Paper.Revision"/> stored; 0 for an empty store.</summary>
    Task<long> GetLastRevisionAsync(CancellationToken cancellationToken = default);

    /// <summary>The papers among <paramref name="ids"/> that exist, in the order asked.</summary>
    Task<IReadOnlyList<Paper>> FindManyAsync(IReadOnlyList<PaperId> ids, CancellationToken cancellationToken = default);

    /// <summary>Papers whose <see cref="Paper.FreshAt"/> is at or after <paramref name="since"/> (withdrawn ones too).</summary>
    Task<IReadOnlyList<Paper>> ListFreshSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Every figure of the <c>stats</c> verb: reads every paper, so not for paths that run often.</summary>
    Task<PaperStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>How many papers there are and the last sequence and revision given out, without reading the papers.</summary>
    Task<PaperCounters> GetCountersAsync(CancellationToken cancellationToken = default);
}
