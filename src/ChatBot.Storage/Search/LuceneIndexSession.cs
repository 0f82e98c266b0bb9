using System.Globalization;
using ChatBot.Core;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ChatBot.Storage.Search;

/// <summary>
/// The open index: its folder, the process's one writer and the searcher manager over it.
/// Opening repairs what it can: a damaged index is deleted and started empty.
/// </summary>
internal sealed class LuceneIndexSession : IDisposable
{
    public const string RevisionKey = "revision";

    /// <summary>Commit data: no document of the index has a higher store sequence (see <see cref="HighestSequence"/>).</summary>
    public const string SequenceKey = "sequence";

    private const int SegmentsPerTier = 4;

    private LuceneIndexSession(LuceneDirectory directory, IndexWriter writer, SearcherManager searchers, long revision, long highestSequence, bool wasReset)
    {
        HighestSequence = highestSequence;
        Directory = directory;
        Writer = writer;
        Searchers = searchers;
        Revision = revision;
        WasReset = wasReset;
    }

    public LuceneDirectory Directory { get; }

    public IndexWriter Writer { get; }

    public SearcherManager Searchers { get; }

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
    public static LuceneIndexSession Open(string path, Analyzer analyzer, Similarity similarity, ILogger logger)
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

                return Create(directory, OpenMode.CREATE_OR_APPEND, analyzer, similarity, wasReset: false);
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
                return Create(directory, OpenMode.CREATE, analyzer, similarity, wasReset: true);
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
    public void Refresh() => Searchers.MaybeRefreshBlocking();

    public int CountDocuments()
    {
        var searcher = Searchers.Acquire();
        try
        {
            return searcher.IndexReader.NumDocs;
        }
        finally
        {
            Searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        Searchers.Dispose();
        Writer.Dispose();
        Directory.Dispose();
    }

    /// <summary>Closes the index without committing what the writer holds (after a failed update).</summary>
    public void Discard()
    {
        try
        {
            Searchers.Dispose();
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

    private static LuceneIndexSession Create(LuceneDirectory directory, OpenMode mode, Analyzer analyzer, Similarity similarity, bool wasReset)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = mode,
            Similarity = similarity,
            // Fewer segments per tier than the default 10: a search opens terms and postings per segment and
            // field (about 90 KB of allocations per segment at 100,000 papers), so fewer segments search cheaper.
            MergePolicy = new TieredMergePolicy { SegmentsPerTier = SegmentsPerTier, MaxMergeAtOnce = SegmentsPerTier },
        };
        var writer = new IndexWriter(directory, config);
        try
        {
            // Opening a reader reads every segment: a damaged one fails here, not in the first search.
            var searchers = new SearcherManager(writer, applyAllDeletes: true, new BM25SearcherFactory(similarity));
            var revision = ReadRevision(writer.CommitData);
            var highestSequence = ReadHighestSequence(writer, searchers);
            var session = new LuceneIndexSession(directory, writer, searchers, revision, highestSequence, wasReset);
            if (mode == OpenMode.CREATE || !DirectoryReader.IndexExists(directory))
            {
                session.Commit(revision, timestamp: 0);
                session.Refresh();
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
