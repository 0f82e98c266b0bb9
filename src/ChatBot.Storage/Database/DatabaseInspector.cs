using ChatBot.Core.Storage;
using ChatBot.Storage.Papers;
using LiteDB;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Database;

/// <summary>
/// Reads the database for the doctor without changing it. A missing file is not created, and LiteDB only ever
/// sees a copy in a temporary folder: even read-only, it rewrites a file it finds damaged (an 8-byte file was
/// truncated to nothing), and a running bot's file must not be touched at all. Read once and shared, so the
/// database and search index rows describe the same moment.
/// </summary>
/// <remarks>
/// LiteDB's own file sharing does not stop a second process on Linux (both take shared locks), so whether a
/// bot has the file open is asked separately: an exclusive open fails while any other handle is open.
/// </remarks>
internal sealed class DatabaseInspector(IOptions<StorageOptions> options)
{
    private readonly Lazy<DatabaseSnapshot> _snapshot = new(() => Read(ChatBotDatabase.FilePathFor(options.Value)), LazyThreadSafetyMode.ExecutionAndPublication);

    public DatabaseSnapshot Snapshot => _snapshot.Value;

    /// <summary>LiteDB's write-ahead log beside the data file: <c>chatbot.db</c> → <c>chatbot-log.db</c>.</summary>
    internal static string LogFileOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

    private static DatabaseSnapshot Read(string path)
    {
        if (!File.Exists(path))
        {
            return new DatabaseSnapshot(path, Exists: false, InUse: false, 0, 0, null);
        }

        var inUse = DatabaseLock.IsHeld(path);
        var scratch = Directory.CreateTempSubdirectory("chatbot-doctor-");
        try
        {
            var copy = Path.Combine(scratch.FullName, Path.GetFileName(path));
            CopyShared(path, copy);
            if (File.Exists(LogFileOf(path)))
            {
                CopyShared(LogFileOf(path), LogFileOf(copy));
            }

            using var database = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct, ReadOnly = true });
            var papers = database.GetCollection(LiteDbPaperStore.CollectionName).Count();
            return new DatabaseSnapshot(path, Exists: true, inUse, papers, LiteDbPaperStore.CurrentRevision(database), null);
        }
#pragma warning disable CA1031 // A damaged file fails inside LiteDB in many ways (LiteException, casts, ranges); each means "cannot be read".
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new DatabaseSnapshot(path, Exists: true, inUse, 0, 0, $"{e.GetType().Name}: {e.Message}", e is UnauthorizedAccessException);
        }
        finally
        {
            DeleteQuietly(scratch);
        }
    }

    // Shared with a running bot's handles (it writes while we read); a torn copy reads as "could not be read beside it".
    private static void CopyShared(string source, string destination)
    {
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var to = new FileStream(destination, FileMode.CreateNew, FileAccess.Write);
        from.CopyTo(to);
    }

    private static void DeleteQuietly(DirectoryInfo scratch)
    {
        try
        {
            scratch.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary copy left behind; the system's temp cleaner takes it.
        }
    }
}
