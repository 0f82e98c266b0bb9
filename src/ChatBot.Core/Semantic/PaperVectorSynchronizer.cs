using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Semantic;

/// <summary>
/// Keeps every paper's vector following the paper store by revision, as <see cref="SearchIndexSynchronizer"/> does for
/// the search index, but in the background: ingest never waits for it, and search uses keywords alone for papers not
/// embedded yet. Each step reads a page of changed papers, embeds only those whose title or abstract changed (or that
/// are new), and applies the page durably with its revision, so a crash resumes after the last page. Vectors of
/// another model are replaced wholesale. One caller at a time.
/// </summary>
public sealed class PaperVectorSynchronizer(IPaperStore papers, IPaperVectorStore vectors, ITextEmbedder embedder, ILogger<PaperVectorSynchronizer> logger) : IDisposable
{
    /// <summary>Papers read, embedded and applied at a time: a few seconds of work, the most a crash can lose.</summary>
    public const int PageSize = 256;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile string? _lastError;
    private volatile bool _caughtUp;

    /// <summary>Why the last catch-up failed, or null when it succeeded.</summary>
    public string? LastError => _lastError;

    /// <summary>True once a catch-up reached the store's revision in this process.</summary>
    public bool CaughtUpOnce => _caughtUp;

    /// <summary>Embeds what changed since the vectors' revision (everything, for a new model). Failures are thrown, and recorded in <see cref="LastError"/>.</summary>
    public Task<VectorSyncReport> CatchUpAsync(IProgress<IndexProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(rebuild: false, progress, cancellationToken);

    /// <summary>Deletes every vector and embeds every paper again.</summary>
    public Task<VectorSyncReport> RebuildAsync(IProgress<IndexProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(rebuild: true, progress, cancellationToken);

    public void Dispose() => _gate.Dispose();

    private async Task<VectorSyncReport> RunAsync(bool rebuild, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var report = await SynchronizeAsync(rebuild, progress, cancellationToken);
            _lastError = null;
            return report;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _lastError = e.Message;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<VectorSyncReport> SynchronizeAsync(bool rebuild, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var status = await embedder.EnsureLoadedAsync(cancellationToken);
        if (!status.IsAvailable)
        {
            return new VectorSyncReport(VectorSyncReason.Unavailable, 0, 0);
        }

        var state = await vectors.GetStateAsync(cancellationToken);
        var storeRevision = await papers.GetLastRevisionAsync(cancellationToken);
        var reason = state switch
        {
            _ when rebuild => VectorSyncReason.Requested,
            _ when state.ModelId != embedder.ModelId || state.Dimensions != embedder.Dimensions => VectorSyncReason.ModelChanged,
            _ when state.LastRevision > storeRevision => VectorSyncReason.Ahead,
            _ when state.LastRevision < storeRevision => VectorSyncReason.Behind,
            _ => VectorSyncReason.Current,
        };
        if (reason == VectorSyncReason.Current)
        {
            _caughtUp = true;
            return new VectorSyncReport(reason, 0, state.LastRevision);
        }

        var from = state.LastRevision;
        if (reason != VectorSyncReason.Behind)
        {
            if (reason == VectorSyncReason.ModelChanged && state.ModelId is not null)
            {
                Log.VectorModelChanged(logger, state.ModelId, embedder.ModelId);
            }

            await vectors.ResetAsync(embedder.ModelId, embedder.Dimensions, cancellationToken);
            from = 0;
        }

        Log.VectorsCatchingUp(logger, reason, from, storeRevision);
        var embedded = await CatchUpAsync(from, storeRevision, progress, cancellationToken);
        _caughtUp = true;
        return new VectorSyncReport(reason, embedded, Math.Max(storeRevision, from));
    }

    private async Task<int> CatchUpAsync(long fromRevision, long toRevision, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var embedded = 0;
        var revision = fromRevision;
        progress?.Report(new IndexProgress(0, 0, toRevision - fromRevision));
        while (true)
        {
            var page = await papers.ReadChangedAfterAsync(revision, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            embedded += await ApplyPageAsync(page, cancellationToken);
            revision = page[^1].Revision;
            progress?.Report(new IndexProgress(embedded, revision - fromRevision, Math.Max(toRevision, revision) - fromRevision));
        }

        return embedded;
    }

    private async Task<int> ApplyPageAsync(IReadOnlyList<Paper> page, CancellationToken cancellationToken)
    {
        var stored = await vectors.GetContentHashesAsync([.. page.Select(p => p.Sequence)], cancellationToken);
        var removed = new List<long>();
        var toEmbed = new List<(Paper Paper, ulong Hash)>();
        foreach (var paper in page)
        {
            if (paper.Withdrawn)
            {
                if (stored.ContainsKey(paper.Sequence))
                {
                    removed.Add(paper.Sequence);
                }

                continue;
            }

            // A new revision for upvotes or links leaves title and abstract, and so the vector, as they were.
            var hash = EmbeddingText.Hash(paper);
            if (!stored.TryGetValue(paper.Sequence, out var storedHash) || storedHash != hash)
            {
                toEmbed.Add((paper, hash));
            }
        }

        var upserted = new List<PaperVector>(toEmbed.Count);
        if (toEmbed.Count > 0)
        {
            var embeddings = await embedder.EmbedAsync([.. toEmbed.Select(e => EmbeddingText.Of(e.Paper))], cancellationToken);
            for (var i = 0; i < toEmbed.Count; i++)
            {
                upserted.Add(new PaperVector(toEmbed[i].Paper.Sequence, toEmbed[i].Paper.Id, toEmbed[i].Hash, embeddings[i]));
            }
        }

        await vectors.ApplyAsync(new PaperVectorChanges(upserted, removed, page[^1].Revision), cancellationToken);
        return upserted.Count;
    }
}
