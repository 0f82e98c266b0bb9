using System.Globalization;
using ChatBot.Core;
using ChatBot.Core.Search;
using Microsoft.Extensions.Logging;

namespace ChatBot.Storage.Database;

/// <summary>
/// Replaces the database with a backup, when no process has it open. The backup is checked (a LiteDB file
/// with papers) before anything in the data directory changes, then copied beside the database and checked
/// again there. The search index is emptied first, so the next start rebuilds it from the restored papers:
/// their revisions may be lower than, or collide with, the ones the index recorded. The current database
/// is copied to <c>chatbot-before-restore-yyyyMMdd-HHmmss.db</c> (with its log, if it had one) and the copy
/// renamed over it, so the database file is at every moment either the old one or the restored one.
/// </summary>
public sealed class DatabaseRestore(ChatBotDatabase database, ISearchIndex index, TimeProvider clock, ILogger<DatabaseRestore> logger)
{
    public async Task<RestoreReport> RestoreAsync(string path, CancellationToken cancellationToken = default)
    {
        var source = CheckSource(path);
        var target = database.FilePath;
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        using var held = DatabaseLock.TryAcquire(target) ?? throw new ChatBotException(
            $"The database {target} is in use (the bot or another command has it open): stop it before restoring.");

        var incoming = Path.Combine(folder, $".{Path.GetFileName(target)}.restore-{Guid.NewGuid():N}");
        try
        {
            DatabaseFiles.CopyDurably(source, incoming, copied: null, cancellationToken);
            var papers = DatabaseFiles.CountPapers(incoming, source)
                ?? throw new ChatBotException($"{source} is a LiteDB database but not a ChatBot one: it has no papers.");
            await index.ClearAsync(cancellationToken);
            var previous = KeepCurrent(target, cancellationToken);
            File.Move(incoming, target, overwrite: true);
            Log.DatabaseRestored(logger, source, target, papers, previous ?? "-");
            return new RestoreReport(source, target, papers, previous);
        }
        catch (UnauthorizedAccessException e)
        {
            DatabaseFiles.DeleteQuietly(incoming);
            throw new ChatBotException($"Cannot restore into {folder}: {e.Message}", e);
        }
        catch (IOException e)
        {
            DatabaseFiles.DeleteQuietly(incoming);
            throw new ChatBotException($"Restoring {source} into {target} failed: {e.Message}", e);
        }
        catch
        {
            DatabaseFiles.DeleteQuietly(incoming);
            throw;
        }
    }

    private string CheckSource(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ChatBotException("Give the backup file to restore.");
        }

        var source = Path.GetFullPath(path);
        if (Directory.Exists(source))
        {
            throw new ChatBotException($"{source} is a folder; give the backup file to restore.");
        }

        if (!File.Exists(source))
        {
            throw new ChatBotException($"There is no file {source}.");
        }

        if (DatabaseFiles.SamePath(source, database.FilePath))
        {
            throw new ChatBotException($"{source} is the database itself; give a backup to restore.");
        }

        try
        {
            if (!DatabaseFiles.HasLiteDbHeader(source))
            {
                throw new ChatBotException($"{source} is not a ChatBot database (not a LiteDB file).");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ChatBotException($"Cannot read {source}: {e.Message}", e);
        }

        return source;
    }

    // Copies (never moves) the current data file aside, so it stays in place until the restored one replaces it.
    // Its log moves along after the copy: a restored data file must not meet the old database's log.
    private string? KeepCurrent(string target, CancellationToken cancellationToken)
    {
        var log = DatabaseFiles.LogFileOf(target);
        if (!File.Exists(target))
        {
            File.Delete(log);
            return null;
        }

        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var previous = Path.Combine(
            Path.GetDirectoryName(target)!,
            $"{Path.GetFileNameWithoutExtension(target)}-before-restore-{stamp}{Path.GetExtension(target)}");
        DatabaseFiles.CopyDurably(target, previous, copied: null, cancellationToken);
        if (File.Exists(log))
        {
            File.Move(log, DatabaseFiles.LogFileOf(previous));
        }

        return previous;
    }
}
