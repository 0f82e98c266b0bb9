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
/// opened on first use; every <see cref="IndexAsync"/> commits (recording the highest paper revision)
/// and refreshes the searchers, so a paper is searchable when the call returns. Writes are serialized;
/// searches run alongside them on the last refreshed searcher.
/// <para>
/// A folder with no index starts empty and is not reported as reset (the synchronizer rebuilds an empty
/// index of a non-empty store anyway). An index that cannot be opened is deleted and started empty, and
/// <see cref="SearchIndexState.WasReset"/> is true until the next commit. A failed update drops the
/// writer's uncommitted changes and reopens the index on next use.
/// </para>
/// </summary>
internal sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    private static readonly Sort NewestFirst = new(new SortField(PaperFields.DateSort, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE);
    private static readonly Sort MostUpvotedFirst = new(
        new SortField(PaperFields.UpvotesSort, SortFieldType.INT32, reverse: true),
        new SortField(PaperFields.DateSort, SortFieldType.INT64, reverse: true));

    private readonly string _path;
    private readonly ILogger<LuceneSearchIndex> _logger;
    private readonly Analyzer _analyzer;
    private readonly PaperQueryBuilder _queries;
    private readonly SimilarPaperQuery _similar;
    private readonly Similarity _similarity = new BM25Similarity();
    private readonly Lock _openLock = new();
    private readonly Lock _writeLock = new();
    private volatile LuceneIndexSession? _session;
    private volatile SearchIndexState _state = new(0, 0, WasReset: false);
    private bool _disposed;

    public LuceneSearchIndex(IOptions<SearchIndexOptions> options, IOptions<StorageOptions> storage, ILogger<LuceneSearchIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _path = storage.Value.Resolve(options.Value.IndexDirectory);
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
                var (indexed, removed, revision) = Apply(session, papers, _state.LastRevision);
                Commit(session, revision);
                Log.SearchIndexCommitted(_logger, indexed, removed, revision);
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
        var filter = PaperQueryBuilder.Filter(query, now);
        var sort = query.Sort switch
        {
            SearchSort.New => NewestFirst,
            SearchSort.Top => MostUpvotedFirst,
            // Without words there is no relevance: the newest papers come first.
            _ when clauses.Count == 0 => NewestFirst,
            _ => null,
        };
        var wanted = (int)Math.Min((long)offset + limit, int.MaxValue);

        var searchers = Session.Searchers;
        var searcher = searchers.Acquire();
        try
        {
            var top = Run(searcher, _queries.Combine(clauses, query, anyClause: false), filter, wanted, sort);
            var relaxed = false;
            if (top.TotalHits == 0 && clauses.Count >= 2)
            {
                top = Run(searcher, _queries.Combine(clauses, query, anyClause: true), filter, wanted, sort);
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
        var filter = PaperQueryBuilder.Filter(query, now);
        if (clauses.Count == 0 && query.Excluded.Count == 0 && filter is null)
        {
            return Task.FromResult<SequenceSet?>(null);
        }

        var searchers = Session.Searchers;
        var searcher = searchers.Acquire();
        try
        {
            var sequences = new SequenceSet();
            searcher.Search(_queries.Combine(clauses, query, anyClause: false), filter, new SequenceCollector(sequences));
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
            // with an excluded clause.
            var selfDoc = self.ScoreDocs[0].Doc;
            var top = searcher.Search(like, Math.Min(limit, int.MaxValue - 1) + 1);
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
        _ = Session;
        return Task.FromResult(_state);
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
                Commit(session, revision: 0);
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
                _session?.Dispose();
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
                    var session = LuceneIndexSession.Open(_path, _analyzer, _similarity, _logger);
                    _state = new SearchIndexState(session.CountDocuments(), session.Revision, session.WasReset);
                    Log.SearchIndexOpened(_logger, _path, _state.Documents, _state.LastRevision);
                    _session = session;
                }

                return _session;
            }
        }
    }

    // Deletes apply only to documents added before them: first the old entry (by id, and by sequence
    // for a paper re-keyed from its title to its arXiv id), then the new one. A paper above the highest
    // sequence the index ever held has no old entry (its id and sequence never change together).
    private static (int Indexed, int Removed, long Revision) Apply(LuceneIndexSession session, IReadOnlyList<Paper> papers, long revision)
    {
        var writer = session.Writer;
        int indexed = 0, removed = 0;
        foreach (var paper in papers)
        {
            if (paper.Sequence <= session.HighestSequence)
            {
                writer.DeleteDocuments(PaperFields.IdTerm(paper.Id));
                if (paper.Sequence > 0)
                {
                    writer.DeleteDocuments(PaperFields.SequenceTerm(paper.Sequence));
                }
            }

            session.HighestSequence = Math.Max(session.HighestSequence, paper.Sequence);

            if (paper.Withdrawn)
            {
                removed++;
            }
            else
            {
                writer.AddDocument(PaperFields.ToDocument(paper));
                indexed++;
            }

            revision = Math.Max(revision, paper.Revision);
        }

        return (indexed, removed, revision);
    }

    // Once something is committed the index no longer "started empty": a reset is reported until then only.
    private void Commit(LuceneIndexSession session, long revision)
    {
        session.Commit(revision);
        _state = new SearchIndexState(session.CountDocuments(), revision, WasReset: false);
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

    private static TopDocs Run(IndexSearcher searcher, Query query, Filter? filter, int wanted, Sort? sort)
    {
        var n = Math.Max(wanted, 1);
        return sort is null
            ? searcher.Search(query, filter, n)
            : searcher.Search(query, filter, n, sort, doDocScores: true, doMaxScore: false);
    }

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
