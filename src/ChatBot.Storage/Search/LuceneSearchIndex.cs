using ChatBot.Core.Papers;
using ChatBot.Core.Search;
using ChatBot.Core.Storage;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Search;

/// <summary>
/// The search index on Lucene.Net in a folder under the data directory. One writer for the process,
/// opened on first use; every <see cref="IndexAsync"/> refreshes the searchers from the writer, so a paper is
/// searchable when the call returns, and commits (recording the highest paper revision) only every
/// <see cref="SearchIndexOptions.CommitEveryPapers"/> papers or <see cref="SearchIndexOptions.CommitInterval"/>,
/// and on dispose: a commit syncs files to disk, and per call it was most of the cost of indexing a batch. A crash
/// loses the uncommitted part, which the synchronizer catches up from the store by revision on start. Writes are
/// serialized; searches run alongside them on the last refreshed searcher.
/// <para>
/// A folder with no index starts empty and is not reported as reset (the synchronizer rebuilds an empty
/// index of a non-empty store anyway). An index that cannot be opened is deleted and started empty, and
/// <see cref="SearchIndexState.WasReset"/> is true until the next commit. A failed update drops the
/// writer's uncommitted changes and reopens the index on next use.
/// </para>
/// </summary>
internal sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    private readonly string _path;
    private readonly SearchIndexOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<LuceneSearchIndex> _logger;
    private readonly Analyzer _analyzer;
    private readonly PaperQueryBuilder _queries;
    private readonly SimilarPaperQuery _similar;
    private readonly Similarity _similarity = new BM25Similarity();
    private readonly Lock _openLock = new();
    private readonly Lock _writeLock = new();
    private volatile LuceneIndexSession? _session;
    // Documents: as counted when the index was opened or cleared; GetStateAsync counts again (an update does not).
    private volatile SearchIndexState _state = new(0, 0, WasReset: false);
    private bool _disposed;

    public LuceneSearchIndex(IOptions<SearchIndexOptions> options, IOptions<StorageOptions> storage, TimeProvider timeProvider, ILogger<LuceneSearchIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _options = options.Value;
        _path = storage.Value.Resolve(_options.IndexDirectory);
        _timeProvider = timeProvider;
        _logger = logger;
        _analyzer = PaperAnalyzer.Create();
        _queries = new PaperQueryBuilder(_analyzer);
        _similar = new SimilarPaperQuery(_analyzer);
    }

    /// <summary>The index folder.</summary>
    public string IndexPath => _path;

    public Task IndexAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(papers);
        cancellationToken.ThrowIfCancellationRequested();
        if (papers.Count == 0)
        {
            return Task.CompletedTask;
        }

        lock (_writeLock)
        {
            var session = Session;
            try
            {
                var (indexed, upvotesUpdated, removed, revision) = Apply(session, papers, _state.LastRevision);
                session.UncommittedPapers += papers.Count;
                var now = _timeProvider.GetTimestamp();
                if (session.UncommittedPapers >= _options.CommitEveryPapers
                    || _timeProvider.GetElapsedTime(session.LastCommitTimestamp, now) >= _options.CommitInterval)
                {
                    session.Commit(revision, now);
                    Log.SearchIndexCommitted(_logger, revision);
                }

                // Refreshed by the next search or count, not here: a refresh per update made a segment per batch.
                // Right after a commit, a refresh costs little (the buffer is written), and it resets what the last
                // refreshed searcher is known to show out of date (LuceneIndexSession.ChangedSinceRefresh).
                if (session.UncommittedPapers == 0)
                {
                    session.Refresh();
                }
                else
                {
                    session.MarkStale();
                }

                _state = _state with { LastRevision = revision, WasReset = false };
                Log.SearchIndexUpdated(_logger, indexed, upvotesUpdated, removed, revision);
            }
            catch
            {
                // Nothing half-applied may ride along with a later commit: drop the writer's uncommitted
                // changes and open the index again on next use (the synchronizer catches up from the last commit).
                Discard(session);
                throw;
            }
        }

        return Task.CompletedTask;
    }

    public Task<SearchResults> SearchAsync(SearchQuery query, int offset, int limit, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();

        var clauses = _queries.Clauses(query);
        var filter = _queries.Filter(query, now);
        var sort = HitOrder.For(query.Sort, hasWords: clauses.Count > 0);
        var wanted = (int)Math.Min((long)offset + limit, int.MaxValue);

        var searchers = Session.Searchers;
        var searcher = searchers.Acquire();
        try
        {
            var resolved = clauses.Select(clause => TermStates.Resolve(clause, searcher.TopReaderContext)).ToList();
            var top = Run(searcher, PaperQueryBuilder.Combine(resolved, anyClause: false), filter, wanted, sort);
            var relaxed = false;
            if (top.TotalHits == 0 && clauses.Count >= 2)
            {
                top = Run(searcher, PaperQueryBuilder.Combine(resolved, anyClause: true), filter, wanted, sort);
                relaxed = true;
            }

            var hits = Hits(searcher, top.ScoreDocs, offset, wanted);
            return Task.FromResult(new SearchResults(hits, top.TotalHits, relaxed));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public Task<SequenceSet?> FilterAsync(SearchQuery query, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var clauses = _queries.Clauses(query);
        var filter = _queries.Filter(query, now);
        if (clauses.Count == 0 && query.Excluded.Count == 0 && filter is null)
        {
            return Task.FromResult<SequenceSet?>(null);
        }

        var searchers = Session.Searchers;
        var searcher = searchers.Acquire();
        try
        {
            var sequences = new SequenceSet();
            searcher.Search(PaperQueryBuilder.Combine(clauses, anyClause: false), filter, new SequenceCollector(sequences));
            return Task.FromResult<SequenceSet?>(sequences);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public Task<IReadOnlyList<SearchHit>> SimilarAsync(PaperId id, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        var searchers = Session.Searchers;
        var searcher = searchers.Acquire();
        try
        {
            var idQuery = new TermQuery(PaperFields.IdTerm(id));
            var self = searcher.Search(idQuery, 1);
            if (self.TotalHits == 0 || limit == 0)
            {
                return Task.FromResult<IReadOnlyList<SearchHit>>([]);
            }

            if (_similar.Build(searcher, self.ScoreDocs[0].Doc) is not { } like)
            {
                return Task.FromResult<IReadOnlyList<SearchHit>>([]);
            }

            // One more than asked, the paper itself dropped after: a pure disjunction scores faster than one
            // with an excluded clause. Its 25 words are scored document by document: in Lucene's windows of buckets a
            // look-up allocated about 2.2 MB at 100,000 papers, and the collections that set off were its p99.
            var selfDoc = self.ScoreDocs[0].Doc;
            var top = Run(searcher, like, filter: null, Math.Min(limit, int.MaxValue - 1) + 1, sort: null, inDocumentOrder: true);
            var others = top.ScoreDocs.Where(d => d.Doc != selfDoc).Take(limit).ToArray();
            return Task.FromResult<IReadOnlyList<SearchHit>>(Hits(searcher, others, 0, limit));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public Task<SearchIndexState> GetStateAsync(CancellationToken cancellationToken = default)
    {
        // Under the write lock, so the count and the revision are of the same updates (counting refreshes stale searchers).
        lock (_writeLock)
        {
            var documents = Session.CountDocuments();
            return Task.FromResult(_state with { Documents = documents });
        }
    }

    public Task<long> GetLastRevisionAsync(CancellationToken cancellationToken = default)
    {
        _ = Session;
        return Task.FromResult(_state.LastRevision);
    }

    public Task ClearAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            var session = Session;
            try
            {
                session.Writer.DeleteAll();
                session.HighestSequence = 0;
                session.Commit(revision: 0, _timeProvider.GetTimestamp());
                session.Refresh();
                _state = new SearchIndexState(session.CountDocuments(), 0, WasReset: false);
            }
            catch
            {
                Discard(session);
                throw;
            }
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        // Lock order everywhere: the write lock, then the open lock.
        lock (_writeLock)
        {
            lock (_openLock)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                if (_session is { } session)
                {
                    // What was applied since the last commit is written now, so a clean stop needs no catch-up.
                    // (Closing the writer would commit too, but with the commit data of the last commit.)
                    if (session.UncommittedPapers > 0)
                    {
                        try
                        {
                            session.Commit(_state.LastRevision, _timeProvider.GetTimestamp());
                        }
                        catch
                        {
                            session.Discard();
                            _session = null;
                            throw;
                        }
                    }

                    session.Dispose();
                }

                _session = null;
                _analyzer.Dispose();
            }
        }
    }

    private LuceneIndexSession Session
    {
        get
        {
            if (_session is { } open)
            {
                return open;
            }

            lock (_openLock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_session is null)
                {
                    // Not a Lazy: a failure (another process holds the lock) is tried again next time.
                    var session = LuceneIndexSession.Open(_path, _analyzer, _similarity, _writeLock, _logger);
                    session.LastCommitTimestamp = _timeProvider.GetTimestamp();
                    _state = new SearchIndexState(session.CountDocuments(), session.Revision, session.WasReset);
                    Log.SearchIndexOpened(_logger, _path, _state.Documents, _state.LastRevision);
                    _session = session;
                }

                return _session;
            }
        }
    }

    /// <summary>Entries the searchers see, deleted ones included until a merge drops them (for tests: a re-analysed paper adds one).</summary>
    internal int CountWrittenEntries() => Read(reader => reader.MaxDoc);

    /// <summary>Segments the searchers see (for the benchmark: each one costs a search its own term look-ups).</summary>
    internal int CountSegments() => Read(reader => reader.Leaves.Count);

    /// <summary>What <paramref name="read"/> makes of the index as searches see it now (for tests and the benchmark).</summary>
    internal T Read<T>(Func<IndexReader, T> read)
    {
        var searchers = Session.Searchers;
        var searcher = searchers.Acquire();
        try
        {
            return read(searcher.IndexReader);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Closes the index as a crash would: what was not committed is lost (for tests of the catch-up).</summary>
    internal void CloseWithoutCommit()
    {
        lock (_writeLock)
        {
            if (_session is { } session)
            {
                Discard(session);
            }
        }
    }

    // Deletes apply only to documents added before them: first the old entry (by id, and by sequence
    // for a paper re-keyed from its title to its arXiv id), then the new one. A paper above the highest
    // sequence the index ever held has no old entry (its id and sequence never change together). A paper
    // whose entry holds the same content (PaperFields.Content) has only a new upvote count: that doc value
    // is updated in place, nothing is analysed again. New entries are added on the calling thread, collected
    // until a paper met twice in one call. (Adding on both cores cost more CPU than it saved time: the ingest already
    // stores the next batch meanwhile, and each adding thread has its own buffer, so twice the segments to merge.)
    // The entries are read from the last refreshed searcher, refreshed first only when one of them changed since.
    private static (int Indexed, int UpvotesUpdated, int Removed, long Revision) Apply(LuceneIndexSession session, IReadOnlyList<Paper> papers, long revision)
    {
        var writer = session.Writer;
        int indexed = 0, upvotesUpdated = 0, removed = 0;
        IndexSearcher? searcher = null;
        var adds = new List<(Paper Paper, long Content)>(papers.Count);
        var touchedIds = new HashSet<string>(StringComparer.Ordinal);
        var touchedSequences = new HashSet<long>();
        if (NeedsRefresh(session, papers))
        {
            // Before this call writes anything: the searcher then shows every earlier call and none of this one.
            session.Refresh();
        }

        try
        {
            foreach (var paper in papers)
            {
                revision = Math.Max(revision, paper.Revision);
                // Once per paper: compared with its entry's, then written with the new entry.
                var content = paper.Withdrawn ? 0 : PaperFields.ContentHash(paper);
                var firstInCall = touchedIds.Add(paper.Id.Value) & (paper.Sequence == 0 || touchedSequences.Add(paper.Sequence));
                if (!firstInCall)
                {
                    indexed += AddAll(writer, adds);
                }

                if (paper.Sequence <= session.HighestSequence)
                {
                    if (!paper.Withdrawn && firstInCall && HoldsSameContent(session, ref searcher, paper, content))
                    {
                        writer.UpdateNumericDocValue(PaperFields.IdTerm(paper.Id), PaperFields.UpvotesSort, paper.Upvotes ?? 0);
                        upvotesUpdated++;
                        continue;
                    }

                    session.Changed(paper);
                    writer.DeleteDocuments(PaperFields.IdTerm(paper.Id));
                    if (paper.Sequence > 0)
                    {
                        writer.DeleteDocuments(PaperFields.SequenceTerm(paper.Sequence));
                    }
                }

                // A paper above it had no entry, so no searcher shows one: it needs no mark (Changed) when added.
                session.HighestSequence = Math.Max(session.HighestSequence, paper.Sequence);

                if (paper.Withdrawn)
                {
                    removed++;
                }
                else
                {
                    session.Added(paper, content);
                    adds.Add((paper, content));
                }
            }

            indexed += AddAll(writer, adds);
        }
        finally
        {
            if (searcher is not null)
            {
                session.Release(searcher);
            }
        }

        return (indexed, upvotesUpdated, removed, revision);
    }

    // A paper whose entry may be kept (only its upvotes updated) must be read from a searcher that shows that entry as
    // it is now: not one the index replaced or removed since the last refresh.
    private static bool NeedsRefresh(LuceneIndexSession session, IReadOnlyList<Paper> papers)
    {
        foreach (var paper in papers)
        {
            if (!paper.Withdrawn && paper.Sequence <= session.HighestSequence && session.ChangedSinceRefresh(paper)
                && session.AddedSinceRefresh(paper) is null)
            {
                return true;
            }
        }

        return false;
    }

    private static int AddAll(IndexWriter writer, List<(Paper Paper, long Content)> adds)
    {
        foreach (var (paper, content) in adds)
        {
            writer.AddDocument(PaperFields.ToDocument(paper, content));
        }

        var count = adds.Count;
        adds.Clear();
        return count;
    }

    // Exactly one live entry under the paper's id, and no other under its sequence (a re-keyed paper's old
    // entry), with the same content fingerprint. An entry added since the last refresh is known without a searcher
    // (a paper met again soon after it was added, as when a second source reports it). Otherwise read from the last
    // refreshed searcher, which shows this paper's entries as they are (NeedsRefresh), straight from the terms of
    // each segment: a query per look-up (weight, scorer, collector) cost more than the look-up.
    private static bool HoldsSameContent(LuceneIndexSession session, ref IndexSearcher? searcher, Paper paper, long content)
    {
        if (session.AddedSinceRefresh(paper) is { } added)
        {
            return added == content;
        }

        searcher ??= session.AcquireLastRefreshed();
        var leaves = searcher.IndexReader.Leaves;
        if (FindOnly(leaves, PaperFields.IdTerm(paper.Id)) is not { } entry
            || (paper.Sequence > 0 && FindOnly(leaves, PaperFields.SequenceTerm(paper.Sequence)) != entry))
        {
            return false;
        }

        var stored = leaves[entry.Leaf].AtomicReader.GetNumericDocValues(PaperFields.Content);
        return stored is not null && stored.Get(entry.Doc) == content;
    }

    // The one live document holding term (its leaf and the document within it), or null when none or several do.
    private static (int Leaf, int Doc)? FindOnly(IList<AtomicReaderContext> leaves, Term term)
    {
        (int Leaf, int Doc)? found = null;
        for (var i = 0; i < leaves.Count; i++)
        {
            var docs = leaves[i].AtomicReader.GetTermDocsEnum(term);
            if (docs is null)
            {
                continue;
            }

            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                if (found is not null)
                {
                    return null;
                }

                found = (i, doc);
            }
        }

        return found;
    }

    private void Discard(LuceneIndexSession session)
    {
        lock (_openLock)
        {
            if (ReferenceEquals(_session, session))
            {
                _session = null;
            }

            session.Discard();
        }
    }

    // The searchers are SlicedSearchers (BM25SearcherFactory): a large index is searched in two halves at once.
    private static TopDocs Run(IndexSearcher searcher, Query query, Filter? filter, int wanted, HitOrder? sort, bool inDocumentOrder = false) =>
        ((SlicedSearcher)searcher).Top(query, filter, wanted, sort, inDocumentOrder);

    // Only the page's ids are read, hits from offset up to (not including) end, from the field cache of each
    // segment's id terms: loading a stored document decompresses a block of abstracts for one id.
    private static List<SearchHit> Hits(IndexSearcher searcher, ScoreDoc[] scoreDocs, int offset, int end)
    {
        end = Math.Min(end, scoreDocs.Length);
        var hits = new List<SearchHit>(Math.Max(end - offset, 0));
        var leaves = searcher.IndexReader.Leaves;
        var bytes = new BytesRef();
        for (var i = offset; i < end; i++)
        {
            var leaf = leaves[ReaderUtil.SubIndex(scoreDocs[i].Doc, leaves)];
            FieldCache.DEFAULT.GetTerms(leaf.AtomicReader, PaperFields.Id, setDocsWithField: false).Get(scoreDocs[i].Doc - leaf.DocBase, bytes);
            var score = float.IsNaN(scoreDocs[i].Score) ? 0f : scoreDocs[i].Score;
            hits.Add(new SearchHit(PaperId.Parse(bytes.Utf8ToString()), score));
        }

        return hits;
    }
}
