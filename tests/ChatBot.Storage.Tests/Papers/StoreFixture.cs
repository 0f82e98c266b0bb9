using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using ChatBot.Storage.Papers;
using ChatBot.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Storage.Tests.Papers;

/// <summary>A paper store on a temp database file, with a clock the test moves.</summary>
internal sealed class StoreFixture : IDisposable
{
    private readonly TempDirectory _directory = new();
    private ChatBotDatabase _database;

    public StoreFixture()
    {
        _database = Open();
        Store = new LiteDbPaperStore(_database, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));

    public LiteDbPaperStore Store { get; private set; }

    public ChatBotDatabase Database => _database;

    public string DataDirectory => _directory.Path;

    /// <summary>
    /// Closes the database and opens it again, as a restarted process would; <paramref name="tamper"/>
    /// edits the closed file in between (to recreate an older layout).
    /// </summary>
    public void Reopen(Action<LiteDB.LiteDatabase>? tamper = null)
    {
        var file = _database.FilePath;
        _database.Dispose();
        if (tamper is not null)
        {
            using var raw = new LiteDB.LiteDatabase(file);
            tamper(raw);
        }

        _database = Open();
        Store = new LiteDbPaperStore(_database, Clock);
    }

    public void Dispose()
    {
        _database.Dispose();
        _directory.Dispose();
    }

    private ChatBotDatabase Open() =>
        new(Options.Create(new StorageOptions { DataDirectory = _directory.Path }));
}
