using System.Diagnostics;
using ChatBot.Benchmarks.Measuring;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;

namespace ChatBot.Benchmarks.Hosting;

/// <summary>The registered paper store, with the time of its upserts added to <see cref="IngestTimings"/>.</summary>
internal sealed class TimedPaperStore(IPaperStore inner, IngestTimings timings) : IPaperStore
{
    public async Task<UpsertSummary> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var startedCpu = CpuTime.CurrentThread();
        try
        {
            var upsert = inner.UpsertAsync(papers, cancellationToken);
            // The stores are synchronous underneath: then this thread did all of the upsert's work.
            if (upsert.IsCompleted)
            {
                timings.AddStoreCpu(CpuTime.CurrentThread() - startedCpu);
            }

            return await upsert;
        }
        finally
        {
            timings.AddStore(started);
        }
    }

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
