using ChatBot.Storage.Database;
using ChatBot.Testing;
using LiteDB;

namespace ChatBot.Storage.Tests.Database;

/// <summary>A commit whose pages LiteDB's log writer writes off the committing thread, waited for and flushed once.</summary>
public sealed class LiteDbCommitTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void When_the_commit_returns_its_pages_are_in_the_files_a_crash_would_leave()
    {
        var file = Path.Combine(_directory.Path, "commit.db");
        var copy = Path.Combine(_directory.Path, "copy.db");
        using (var database = Open(file))
        {
            var collection = database.GetCollection("items");
            database.BeginTrans();
            // Many pages: each one used to get a flush of its own.
            collection.InsertBulk(Enumerable.Range(1, 500).Select(i => new BsonDocument { ["_id"] = i, ["text"] = new string('x', 1_000) }));
            LiteDbCommit.Commit(database, file);

            // The files as a process killed right now would leave them: the commit is in the log, none of it checkpointed.
            File.Copy(file, copy);
            File.Copy(DatabaseFiles.LogFileOf(file), DatabaseFiles.LogFileOf(copy));
        }

        using var reopened = Open(copy);
        Assert.Equal(500, reopened.GetCollection("items").Count());
    }

    [Fact]
    public void The_callers_synchronization_context_is_back_after_the_commit()
    {
        var file = Path.Combine(_directory.Path, "context.db");
        using var database = Open(file);
        var callers = new SynchronizationContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(callers);
        try
        {
            database.BeginTrans();
            database.GetCollection("items").Insert(new BsonDocument { ["_id"] = 1 });
            LiteDbCommit.Commit(database, file);

            Assert.Same(callers, SynchronizationContext.Current);
            Assert.Equal(1, database.GetCollection("items").Count());
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private static LiteDatabase Open(string file) => new(new ConnectionString { Filename = file, Connection = ConnectionType.Direct });
}
