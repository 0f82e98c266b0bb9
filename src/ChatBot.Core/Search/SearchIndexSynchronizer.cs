using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Search;

/// <summary>
/// Keeps the search index a mirror of the paper store. Ingest hands it each stored batch; on start
/// it compares the index's last revision with the store's and catches up or rebuilds. One caller at a time.
/// </summary>
public sealed class SearchIndexSynchronizer(IPaperStore store, ISearchIndex index, ILogger<SearchIndexSynchronizer> logger) : IDisposable
{
    /// <summary>Papers read from the store and committed to the index at a time during a catch-up.</summary>
    public const int PageSize = 1000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _broughtUpToDate;
    private volatile string? _lastUpdateError;

    /// <summary>True once a start-up check or rebuild brought the index up to the store in this process.</summary>
    public bool BroughtUpToDate => _broughtUpToDate;

    /// <summary>Why the last update of the index failed, or null when it succeeded (the next update catches up).</summary>
    public string? LastUpdateError => _lastUpdateError;

    /// <summary>
    /// Indexes papers the store just changed. When they do not follow straight on from what the index
    /// holds (an earlier update was missed), reads everything missing from the store instead.
    /// A failure is logged, not thrown: the papers are stored, and the next call catches up.
    /// </summary>
    public async Task ApplyAsync(IReadOnlyList<Paper> changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (changed.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var indexRevision = await index.GetLastRevisionAsync(cancellationToken);
            if (FollowsOn(changed, indexRevision))
            {
                await index.IndexAsync(changed, cancellationToken);
            }
            else
            {
                var storeRevision = await store.GetLastRevisionAsync(cancellationToken);
                await CatchUpAsync(indexRevision, storeRevision, progress: null, cancellationToken);
            }

            _lastUpdateError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _lastUpdateError = e.Message;
            Log.IndexUpdateFailed(logger, changed.Count, e);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Brings the index up to the store: nothing when current, a catch-up when behind, a rebuild when ahead.</summary>
    public async Task<IndexSyncReport> EnsureCurrentAsync(IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var state = await index.GetStateAsync(cancellationToken);
            var storeRevision = await store.GetLastRevisionAsync(cancellationToken);
            var reason = state switch
            {
                { WasReset: true } or { LastRevision: 0, Documents: 0 } when storeRevision > 0 => IndexSyncReason.Missing,
                _ when state.LastRevision > storeRevision => IndexSyncReason.Ahead,
                _ when state.LastRevision < storeRevision => IndexSyncReason.Behind,
                _ => IndexSyncReason.Current,
            };
            if (reason == IndexSyncReason.Current)
            {
                _broughtUpToDate = true;
                return new IndexSyncReport(reason, 0, state.LastRevision);
            }

            var from = state.LastRevision;
            if (reason == IndexSyncReason.Ahead)
            {
                await index.ClearAsync(cancellationToken);
                from = 0;
            }

            Log.IndexCatchingUp(logger, reason, from, storeRevision);
            var indexed = await CatchUpAsync(from, storeRevision, progress, cancellationToken);
            _broughtUpToDate = true;
            return new IndexSyncReport(reason, indexed, storeRevision);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Empties the index and indexes every paper of the store again.</summary>
    public async Task<IndexSyncReport> RebuildAsync(IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await index.ClearAsync(cancellationToken);
            var storeRevision = await store.GetLastRevisionAsync(cancellationToken);
            var indexed = await CatchUpAsync(0, storeRevision, progress, cancellationToken);
            _broughtUpToDate = true;
            return new IndexSyncReport(IndexSyncReason.Requested, indexed, storeRevision);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static bool FollowsOn(IReadOnlyList<Paper> changed, long indexRevision)
    {
        // A batch's revisions are consecutive unless a paper changed twice within it; then read the store.
        var revisions = changed.Select(p => p.Revision).Order().ToList();
        if (revisions[0] != indexRevision + 1)
        {
            return false;
        }

        for (var i = 1; i < revisions.Count; i++)
        {
            if (revisions[i] != revisions[i - 1] + 1)
            {
                return false;
            }
        }

        return true;
    }

    private async Task<int> CatchUpAsync(long fromRevision, long toRevision, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var indexed = 0;
        var revision = fromRevision;
        progress?.Report(new IndexProgress(0, 0, toRevision - fromRevision));
        while (true)
        {
            var page = await store.ReadChangedAfterAsync(revision, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            await index.IndexAsync(page, cancellationToken);
            indexed += page.Count;
            revision = page[^1].Revision;
            progress?.Report(new IndexProgress(indexed, revision - fromRevision, Math.Max(toRevision, revision) - fromRevision));
        }

        return indexed;
    }
}
