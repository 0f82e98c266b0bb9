using ChatBot.Core.Papers;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Tests.Ingestion;

/// <summary>A paper store whose upserts fail after the first <paramref name="upserts"/> succeeded (a disk that fills up).</summary>
internal sealed class StoreFailingAfter(IPaperStore inner, int upserts) : IPaperStore
{
    private int _calls;

    public Task<UpsertSummary> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default) =>
        ++_calls > upserts ? Task.FromException<UpsertSummary>(new IOException("disk full")) : inner.UpsertAsync(papers, cancellationToken);

    public Task<Paper?> FindAsync(PaperId id, CancellationToken cancellationToken = default) => inner.FindAsync(id, cancellationToken);

    public Task<IReadOnlyList<Paper>> ReadAfterAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadAfterAsync(afterSequence, maxCount, cancellationToken);

    public Task<IReadOnlyList<Paper>> ReadChangedAfterAsync(long afterRevision, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadChangedAfterAsync(afterRevision, maxCount, cancellationToken);

    public Task<long> GetLastRevisionAsync(CancellationToken cancellationToken = default) => inner.GetLastRevisionAsync(cancellationToken);

    public Task<IReadOnlyList<Paper>> FindManyAsync(IReadOnlyList<PaperId> ids, CancellationToken cancellationToken = default) =>
        inner.FindManyAsync(ids, cancellationToken);

    public Task<IReadOnlyList<Paper>> ListFreshSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        inner.ListFreshSinceAsync(since, cancellationToken);

    public Task<PaperStats> GetStatsAsync(CancellationToken cancellationToken = default) => inner.GetStatsAsync(cancellationToken);

    public Task<PaperCounters> GetCountersAsync(CancellationToken cancellationToken = default) => inner.GetCountersAsync(cancellationToken);
}
