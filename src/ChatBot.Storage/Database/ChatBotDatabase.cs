using ChatBot.Core;
using ChatBot.Core.Storage;
using LiteDB;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Database;

/// <summary>
/// The one LiteDB database of the process. Every store shares it: LiteDB allows a single open
/// instance per file, and is thread safe within the process. Opening takes the <see cref="DatabaseLock"/>,
/// so a second process (a verb while the bot runs) gets a message instead of a shared, corrupted file.
/// </summary>
public sealed class ChatBotDatabase : IDisposable
{
    private readonly Lazy<LiteDatabase> _database;
    private DatabaseLock? _lock;

    public ChatBotDatabase(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        FilePath = FilePathFor(options.Value);
        _database = new Lazy<LiteDatabase>(Open, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string FilePath { get; }

    public LiteDatabase Database => _database.Value;

    /// <summary>The database file: <see cref="StorageOptions.DatabaseFile"/> inside the data directory.</summary>
    internal static string FilePathFor(StorageOptions storage) => Path.Combine(storage.ResolveDataDirectory(), storage.DatabaseFile);

    /// <summary>Serializes read-modify-write work across stores (LiteDB transactions are per thread).</summary>
    internal Lock WriteLock { get; } = new();

    /// <summary>
    /// Commits this thread's open transaction with one flush of LiteDB's log (<see cref="LiteDbCommit"/>): for the paper
    /// store's batches, hundreds of pages each. It blocks the calling thread until LiteDB's writer has run on the thread
    /// pool, so the small and frequent transactions (alerts, the delivery log) keep LiteDB's own commit.
    /// </summary>
    internal void Commit() => LiteDbCommit.Commit(Database, FilePath);

    public void Dispose()
    {
        if (_database.IsValueCreated)
        {
            _database.Value.Dispose();
        }

        _lock?.Dispose();
    }

    private LiteDatabase Open()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        _lock = DatabaseLock.TryAcquire(FilePath) ?? throw new ChatBotException(
            $"The database {FilePath} is in use (the bot or another command has it open). Is another ChatBot process using the same Storage:DataDirectory?");
        try
        {
            return new LiteDatabase(new ConnectionString
            {
                Filename = FilePath,
                Connection = ConnectionType.Direct,
            });
        }
        catch (Exception e) when (e is IOException or LiteException)
        {
            _lock.Dispose();
            _lock = null;
            throw new ChatBotException($"The database {FilePath} cannot be opened: {e.Message}", e);
        }
    }
}
