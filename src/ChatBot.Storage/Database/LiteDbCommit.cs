using System.Reflection;
using System.Runtime.CompilerServices;
using LiteDB;

namespace ChatBot.Storage.Database;

/// <summary>
/// Commits a LiteDB 5.0.20 write transaction with one flush of its log instead of one per page. The engine queues a
/// commit's pages for a writer task; once idle, that task resumes inline on the thread queuing the next page, writes it,
/// finds the queue empty and fsyncs the log: one fsync per page (measured: two thirds of the paper store's time in an
/// upvote update batch, a third of its CPU on ingest). With a synchronization context of its own on the committing
/// thread, the writer resumes on the thread pool instead and writes the commit's pages in one go; this waits for it, then
/// flushes the log once. So, as before, the transaction is on disk when this returns.
/// <para>
/// LiteDB has no public wait for its writer: it is reached by reflection (LiteDatabase._engine, LiteEngine._disk,
/// DiskService.Queue, DiskWriterQueue._queueIsEmpty and _exception), checked when first used, so a LiteDB that moved them fails loudly in the tests.
/// LiteDB 5.0.21 has no writer queue (pages are written in the commit, with no flush), but reads fail there (LiteDB issue 2523).
/// </para>
/// </summary>
internal static class LiteDbCommit
{
    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    private static readonly PoolSynchronizationContext NoInlining = new();
    private static readonly Lazy<Func<LiteDatabase, Action>> WriterWait = new(FindWriterWait);

    // Each database's wait, found once: its engine, disk and writer queue live as long as it does.
    private static readonly ConditionalWeakTable<LiteDatabase, Action> Waits = new();

    /// <summary>Commits the open transaction of <paramref name="database"/>, whose data file is <paramref name="dataFile"/>.</summary>
    public static void Commit(LiteDatabase database, string dataFile)
    {
        ArgumentNullException.ThrowIfNull(database);
        var wait = Waits.GetValue(database, WriterWait.Value.Invoke);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(NoInlining);
        try
        {
            database.Commit();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        wait();
        var log = DatabaseFiles.LogFileOf(dataFile);
        if (File.Exists(log))
        {
            // fsync flushes the file, whichever descriptor wrote it; LiteDB's own writer opens it sharing reads only,
            // which on Linux is an advisory shared lock like this one.
            using var stream = new FileStream(log, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            stream.Flush(flushToDisk: true);
        }
    }

    private static Func<LiteDatabase, Action> FindWriterWait()
    {
        var engineField = Member(typeof(LiteDatabase).GetField("_engine", Private), "LiteDatabase._engine");
        return database =>
        {
            var engine = engineField.GetValue(database) ?? throw Moved("LiteDatabase._engine");
            var disk = Member(engine.GetType().GetField("_disk", Private), "LiteEngine._disk").GetValue(engine) ?? throw Moved("LiteEngine._disk");
            var lazyQueue = Member(disk.GetType().GetProperty("Queue", Private), "DiskService.Queue").GetValue(disk) ?? throw Moved("DiskService.Queue");
            var queue = Member(lazyQueue.GetType().GetProperty("Value"), "Lazy.Value").GetValue(lazyQueue) ?? throw Moved("DiskService.Queue.Value");
            var written = Member(queue.GetType().GetField("_queueIsEmpty", Private), "DiskWriterQueue._queueIsEmpty").GetValue(queue) as ManualResetEventSlim
                ?? throw Moved("DiskWriterQueue._queueIsEmpty");
            var failure = Member(queue.GetType().GetField("_exception", Private), "DiskWriterQueue._exception");
            return () =>
            {
                // A writer that failed stops without ever emptying its queue: its exception is what LiteDB throws next.
                while (!written.Wait(TimeSpan.FromMilliseconds(100)))
                {
                    if (failure.GetValue(queue) is Exception e)
                    {
                        throw new LiteException(0, $"LiteDB could not write its log: {e.Message}");
                    }
                }
            };
        };
    }

    private static T Member<T>(T? member, string name)
        where T : MemberInfo => member ?? throw Moved(name);

    private static InvalidOperationException Moved(string name) =>
        new($"LiteDB {typeof(LiteDatabase).Assembly.GetName().Version} has no {name}: LiteDbCommit was written against 5.0.20's engine.");
}
