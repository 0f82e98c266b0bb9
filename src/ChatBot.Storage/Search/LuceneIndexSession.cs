using System.Globalization;
using ChatBot.Core;
using ChatBot.Core.Hashing;
using ChatBot.Core.Papers;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using Lock = System.Threading.Lock;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ChatBot.Storage.Search;

/// <summary>
/// The open index: its folder, the process's one writer and the searcher manager over it.
/// Opening repairs what it can: a damaged index is deleted and started empty.
/// <para>
/// An update does not refresh the searchers: it marks them stale, and the next use of <see cref="Searchers"/> (a search,
/// a count) refreshes them first, under the index's write lock, so a refresh never lands in the middle of an update. A
/// refresh writes the writer's buffer as a new segment: once per update, it made a segment of every batch of an ingest
/// and most of the index's time went into merging them. Papers are still searchable as soon as their update returns.
/// </para>
/// </summary>
internal sealed class LuceneIndexSession : IDisposable
{
    public const string RevisionKey = "revision";

    /// <summary>Commit data: no document of the index has a higher store sequence (see <see cref="HighestSequence"/>).</summary>
    public const string SequenceKey = "sequence";

    private const int SegmentsPerTier = 4;

    private readonly SearcherManager _searchers;
    private readonly Lock _writeLock;

    // Papers whose entries changed since the last refresh (hashed ids, and sequences): the last refreshed searcher
    // shows an outdated entry for them. Cleared at each refresh; a refresh follows each commit, which bounds them.
    private readonly HashSet<ulong> _changedIds = [];
    private readonly HashSet<long> _changedSequences = [];

    // Entries added since the last refresh, which its searcher does not show: by paper id, with their sequence and
    // content fingerprint, and the id under each sequence. An entry leaves when it is replaced or removed (Changed).
    private readonly Dictionary<string, (long Sequence, long Content)> _added = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _addedSequences = [];
    private volatile bool _stale;

    private LuceneIndexSession(LuceneDirectory directory, IndexWriter writer, SearcherManager searchers, Lock writeLock, long revision, long highestSequence, bool wasReset)
    {
        HighestSequence = highestSequence;
        Directory = directory;
        Writer = writer;
        _searchers = searchers;
        _writeLock = writeLock;
        Revision = revision;
        WasReset = wasReset;
    }

    public LuceneDirectory Directory { get; }

    public IndexWriter Writer { get; }

    /// <summary>The searchers, refreshed first when an update was applied since the last refresh: they show every update that returned.</summary>
    public SearcherManager Searchers
    {
        get
        {
            if (_stale)
            {
                Refresh();
            }

            return _searchers;
        }
    }

    /// <summary>The revision recorded by the last commit when the index was opened.</summary>
    public long Revision { get; }

    /// <summary>
    /// No document the writer holds (committed or not) has a higher store sequence. A paper above it was
    /// never indexed, so adding it needs no delete of an older entry: a new paper costs no term look-ups
    /// in every segment when the deletes are applied. Only ever too high, never too low.
    /// </summary>
    public long HighestSequence { get; set; }

    /// <summary>True when an index was there but could not be opened, and was replaced by an empty one.</summary>
    public bool WasReset { get; }

    /// <summary>Papers applied to the writer since its last commit (searchable, but lost to a crash).</summary>
    public int UncommittedPapers { get; set; }

    /// <summary>When the writer last committed, or was opened (a <see cref="TimeProvider.GetTimestamp"/>).</summary>
    public long LastCommitTimestamp { get; set; }

    /// <summary>
    /// Opens the index in <paramref name="path"/>, creating it when there is none. A folder with no
    /// index at all starts empty without counting as a reset; a damaged one is reset.
    /// </summary>
    public static LuceneIndexSession Open(string path, Analyzer analyzer, Similarity similarity, Lock writeLock, ILogger logger)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        try
        {
            try
            {
                if (!DirectoryReader.IndexExists(directory) && HoldsIndexFiles(path))
                {
                    throw new CorruptIndexException("the folder holds index files but no segments file");
                }

                return Create(directory, OpenMode.CREATE_OR_APPEND, analyzer, similarity, writeLock, wasReset: false);
            }
            catch (LockObtainFailedException e)
            {
                throw new ChatBotException(
                    $"The search index {path} is locked by another writer. Is another ChatBot process using the same Storage:DataDirectory?", e);
            }
            catch (Exception e) when (IsDamage(e))
            {
                Log.SearchIndexReset(logger, path, $"{e.GetType().Name}: {e.Message}", e);
                DeleteIndexFiles(path);
                return Create(directory, OpenMode.CREATE, analyzer, similarity, writeLock, wasReset: true);
            }
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Commits everything the writer holds, recording <paramref name="revision"/> (the highest revision applied to
    /// the writer) and the highest sequence: the commit data claims no more than the commit holds.
    /// </summary>
    public void Commit(long revision, long timestamp)
    {
        Writer.SetCommitData(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RevisionKey] = revision.ToString(CultureInfo.InvariantCulture),
            [SequenceKey] = HighestSequence.ToString(CultureInfo.InvariantCulture),
        });
        Writer.Commit();
        UncommittedPapers = 0;
        LastCommitTimestamp = timestamp;
    }

    /// <summary>
    /// Makes what the writer holds searchable without committing it (a near-real-time reader: the writer flushes
    /// its buffer to a new segment, but writes no commit point and syncs nothing to disk).
    /// </summary>
    public void Refresh()
    {
        lock (_writeLock)
        {
            // Cleared first: an update marks the searchers stale again only after it has applied everything.
            _stale = false;
            _searchers.MaybeRefreshBlocking();
            _changedIds.Clear();
            _changedSequences.Clear();
            _added.Clear();
            _addedSequences.Clear();
        }
    }

    /// <summary>After an update: the next use of <see cref="Searchers"/> refreshes them (under the write lock).</summary>
    public void MarkStale() => _stale = true;

    /// <summary>
    /// The last refreshed searcher, as it is (for an update, under the write lock): it shows every entry as it was at
    /// that refresh, and <see cref="ChangedSinceRefresh"/> says which ones have changed since. Release it with
    /// <see cref="Release"/>.
    /// </summary>
    public IndexSearcher AcquireLastRefreshed() => _searchers.Acquire();

    public void Release(IndexSearcher searcher) => _searchers.Release(searcher);

    /// <summary>The entries under the paper's id or sequence were replaced or removed since the last refresh.</summary>
    public bool ChangedSinceRefresh(Paper paper) =>
        _changedIds.Contains(Fnv1a.Of(paper.Id.Value)) || (paper.Sequence > 0 && _changedSequences.Contains(paper.Sequence));

    /// <summary>The update deletes the entries under the paper's id and sequence (to add it again, or to remove it).</summary>
    public void Changed(Paper paper)
    {
        _changedIds.Add(Fnv1a.Of(paper.Id.Value));
        _changedSequences.Add(paper.Sequence);
        if (_added.Remove(paper.Id.Value, out var entry))
        {
            _addedSequences.Remove(entry.Sequence);
        }

        if (_addedSequences.Remove(paper.Sequence, out var id))
        {
            _added.Remove(id);
        }
    }

    /// <summary>
    /// The update adds the paper's entry, with this content fingerprint (<see cref="PaperFields.ContentHash"/>), after
    /// deleting any other under its id and sequence (<see cref="Changed"/>), or as a paper the index never held.
    /// </summary>
    public void Added(Paper paper, long content)
    {
        _added[paper.Id.Value] = (paper.Sequence, content);
        _addedSequences[paper.Sequence] = paper.Id.Value;
    }

    /// <summary>
    /// The fingerprint of the paper's entry when it was added since the last refresh (then it is the only live entry
    /// under the paper's id and sequence, though no searcher shows it yet), or null.
    /// </summary>
    public long? AddedSinceRefresh(Paper paper) =>
        _added.TryGetValue(paper.Id.Value, out var entry) && entry.Sequence == paper.Sequence ? entry.Content : null;

    public int CountDocuments()
    {
        var searchers = Searchers;
        var searcher = searchers.Acquire();
        try
        {
            return searcher.IndexReader.NumDocs;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        Writer.Dispose();
        Directory.Dispose();
    }

    /// <summary>Closes the index without committing what the writer holds (after a failed update).</summary>
    public void Discard()
    {
        try
        {
            _searchers.Dispose();
            Writer.Rollback();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The writer is being thrown away because it failed; closing it may fail the same way.
        }
        finally
        {
            Directory.Dispose();
        }
    }

    /// <summary>How the index's writer is set up (the benchmark's engine floor writes with it too).</summary>
    internal static IndexWriterConfig WriterConfig(OpenMode mode, Analyzer analyzer, Similarity similarity) =>
        new(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = mode,
            Similarity = similarity,
            // Fewer segments per tier than the default 10: a search opens terms and postings per segment and
            // field (about 90 KB of allocations per segment at 100,000 papers), so fewer segments search cheaper.
            MergePolicy = new TieredMergePolicy { SegmentsPerTier = SegmentsPerTier, MaxMergeAtOnce = SegmentsPerTier },
        };

    private static LuceneIndexSession Create(LuceneDirectory directory, OpenMode mode, Analyzer analyzer, Similarity similarity, Lock writeLock, bool wasReset)
    {
        var writer = new IndexWriter(directory, WriterConfig(mode, analyzer, similarity));
        try
        {
            // Opening a reader reads every segment: a damaged one fails here, not in the first search.
            var searchers = new SearcherManager(writer, applyAllDeletes: true, new BM25SearcherFactory(similarity));
            var revision = ReadRevision(writer.CommitData);
            var highestSequence = ReadHighestSequence(writer, searchers);
            var session = new LuceneIndexSession(directory, writer, searchers, writeLock, revision, highestSequence, wasReset);
            if (mode == OpenMode.CREATE || !DirectoryReader.IndexExists(directory))
            {
                session.Commit(revision, timestamp: 0);
                // Not Refresh(): the session is still being opened (under the open lock), and no one else holds it yet.
                searchers.MaybeRefreshBlocking();
            }

            return session;
        }
        catch
        {
            writer.Rollback();
            throw;
        }
    }

    internal static long ReadRevision(IDictionary<string, string>? commitData) =>
        commitData is not null && commitData.TryGetValue(RevisionKey, out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : 0;

    // Indexes committed before the sequence was recorded: the highest sequence term (once per such index).
    private static long ReadHighestSequence(IndexWriter writer, SearcherManager searchers)
    {
        if (writer.CommitData is { } data && data.TryGetValue(SequenceKey, out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var recorded))
        {
            return recorded;
        }

        var searcher = searchers.Acquire();
        try
        {
            var highest = 0L;
            var terms = MultiFields.GetTerms(searcher.IndexReader, PaperFields.Sequence);
            var termsEnum = terms?.GetEnumerator();
            while (termsEnum is not null && termsEnum.MoveNext())
            {
                if (long.TryParse(termsEnum.Term.Utf8ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
                {
                    highest = Math.Max(highest, sequence);
                }
            }

            return highest;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    // Anything reading the files can throw on garbage (not only CorruptIndexException); the lock is not damage.
    internal static bool IsDamage(Exception e) =>
        e is not (LockObtainFailedException or ChatBotException or OutOfMemoryException or OperationCanceledException);

    internal static bool HoldsIndexFiles(string path) =>
        System.IO.Directory.EnumerateFiles(path).Any(file => !string.Equals(Path.GetFileName(file), IndexWriter.WRITE_LOCK_NAME, StringComparison.Ordinal));

    private static void DeleteIndexFiles(string path)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(path))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException) when (string.Equals(Path.GetFileName(file), IndexWriter.WRITE_LOCK_NAME, StringComparison.Ordinal))
            {
                // The lock file may stay; the new writer takes it over.
            }
        }
    }
}
