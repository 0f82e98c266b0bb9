using System.Globalization;
using ChatBot.Core;
using ChatBot.Core.IO;
using Microsoft.Extensions.Logging;

namespace ChatBot.Storage.Database;

/// <summary>
/// Writes a consistent copy of the database while the process keeps using it. LiteDB commits go to its
/// write-ahead log and reach the data file only at a checkpoint, and a checkpoint runs only when no
/// transaction is open. So: checkpoint (everything committed so far is in the data file), open a
/// transaction (no checkpoint can change the data file now; commits keep going to the log), copy the data
/// file, close the transaction. The copy is the database as of a checkpoint at or after the call, with
/// every transaction whole. It is written beside the target, flushed, opened to check it, then renamed
/// over the target, so a failed or cancelled backup never leaves a half-written file under that name.
/// <para>
/// Reading every collection in one LiteDB transaction instead would not be consistent: LiteDB 5 takes a
/// collection's snapshot when the transaction first touches that collection, not when it begins.
/// </para>
/// </summary>
public sealed class DatabaseBackup(ChatBotDatabase database, TimeProvider clock, ILogger<DatabaseBackup> logger)
{
    private readonly Lock _gate = new();

    /// <summary>
    /// Writes the backup to <paramref name="path"/>: a file (replacing an earlier backup, never any other file), or an existing folder,
    /// which gets <c>chatbot-yyyyMMdd-HHmmss.db</c>. <paramref name="copied"/> hears the bytes copied so far,
    /// on the copying thread. Bad paths and write failures are <see cref="ChatBotException"/>s that name them.
    /// </summary>
    public Task<BackupReport> WriteAsync(string path, IProgress<long>? copied = null, CancellationToken cancellationToken = default)
    {
        var target = ResolveTarget(path);
        // LiteDB binds a transaction to the thread that began it: the copy runs on one thread of its own, start to end.
        return Task.Factory.StartNew(
            () => Write(target, copied, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private BackupReport Write(string target, IProgress<long>? copied, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var folder = Path.GetDirectoryName(target)!;
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        try
        {
            long bytes;
            lock (_gate)
            {
                var db = database.Database;
                db.Checkpoint();
                db.BeginTrans();
                try
                {
                    bytes = DatabaseFiles.CopyDurably(database.FilePath, partial, n => copied?.Report(n), cancellationToken);
                }
                finally
                {
                    db.Rollback();
                }
            }

            // A database that never stored a paper has no papers collection yet; that is still a good backup.
            var papers = DatabaseFiles.CountPapers(partial, $"The copy of {database.FilePath}") ?? 0;
            File.Move(partial, target, overwrite: true);
            var report = new BackupReport(target, bytes, papers, clock.GetElapsedTime(started));
            Log.BackupWritten(logger, target, bytes, papers, (long)report.Elapsed.TotalMilliseconds);
            return report;
        }
        catch (UnauthorizedAccessException e)
        {
            DatabaseFiles.DeleteQuietly(partial);
            throw new ChatBotException($"Cannot write the backup in {folder}: {e.Message}", e);
        }
        catch (IOException e)
        {
            DatabaseFiles.DeleteQuietly(partial);
            throw new ChatBotException($"Writing the backup {target} failed: {e.Message}", e);
        }
        catch
        {
            DatabaseFiles.DeleteQuietly(partial);
            throw;
        }
    }

    private string ResolveTarget(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ChatBotException("Give the file (or folder) to write the backup to.");
        }

        var target = Path.GetFullPath(path);
        if (Directory.Exists(target))
        {
            var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            target = Path.Combine(target, $"{Path.GetFileNameWithoutExtension(database.FilePath)}-{stamp}{Path.GetExtension(database.FilePath)}");
        }

        var folder = Path.GetDirectoryName(target);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new ChatBotException($"Cannot write the backup {target}: the folder {folder} does not exist.");
        }

        if (DatabaseFiles.SamePath(target, database.FilePath)
            || DatabaseFiles.SamePath(target, DatabaseFiles.LogFileOf(database.FilePath))
            || DatabaseFiles.SamePath(target, DatabaseLock.PathFor(database.FilePath)))
        {
            throw new ChatBotException($"{target} is the live database; write the backup somewhere else.");
        }

        RefuseToReplaceOtherFiles(target);
        return target;
    }

    /// <summary>
    /// A backup replaces an earlier backup, never anything else: a file there must be a ChatBot (LiteDB) database.
    /// Checked without following a link or opening a pipe or device, which could block or never end.
    /// </summary>
    private static void RefuseToReplaceOtherFiles(string target)
    {
        var kind = FileEntries.KindOf(target);
        if (kind == FileEntryKind.Missing)
        {
            return;
        }

        if (kind != FileEntryKind.Regular)
        {
            throw new ChatBotException($"{target} is {FileEntries.Describe(kind)}, not a ChatBot database; the backup replaces only an earlier backup. Choose another file name.");
        }

        bool isDatabase;
        try
        {
            isDatabase = DatabaseFiles.HasLiteDbHeader(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ChatBotException($"{target} exists and cannot be read to check that it is an earlier backup ({e.Message}); choose another file name.", e);
        }

        if (!isDatabase)
        {
            throw new ChatBotException($"{target} exists and is not a ChatBot database; the backup replaces only an earlier backup. Choose another file name.");
        }
    }
}
