namespace ChatBot.Storage.Database;

/// <summary>
/// An exclusive lock on <c>{database}.lock</c>, held by whichever process has the database open: the bot
/// or a verb. LiteDB's direct mode does not keep a second process (or a second open in this one) off the
/// file on Linux, and two engines writing one file corrupt it; this lock does. The operating system drops
/// it when the process dies, so a crash leaves no stale lock; the empty file stays, as Lucene's does.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _file;

    private DatabaseLock(FileStream file) => _file = file;

    public static string PathFor(string databasePath) => databasePath + ".lock";

    /// <summary>The lock, or null when another process (or another open in this one) holds it.</summary>
    public static DatabaseLock? TryAcquire(string databasePath)
    {
        try
        {
            // FileShare.None is an exclusive flock on Unix and a sharing violation on Windows, per open file.
            return new DatabaseLock(new FileStream(PathFor(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>True when a process has the database open now (its folder existing, the lock taken).</summary>
    public static bool IsHeld(string databasePath)
    {
        if (!Directory.Exists(Path.GetDirectoryName(databasePath)))
        {
            return false;
        }

        using var probe = TryAcquire(databasePath);
        return probe is null;
    }

    public void Dispose() => _file.Dispose();
}
