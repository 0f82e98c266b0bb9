using ChatBot.Core;
using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Tests.Database;

/// <summary>One open of the database at a time, across processes and within one: LiteDB alone does not refuse a second.</summary>
public sealed class DatabaseLockTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void A_second_open_of_the_database_is_refused_with_a_message_naming_it()
    {
        using var first = Open();
        _ = first.Database;
        using var second = Open();

        var error = Assert.Throws<ChatBotException>(() => second.Database);

        Assert.Contains(first.FilePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("Is another ChatBot process using the same Storage:DataDirectory?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lock_is_held_while_the_database_is_open_and_free_once_it_is_closed()
    {
        var first = Open();
        Assert.False(DatabaseLock.IsHeld(first.FilePath));

        _ = first.Database;
        Assert.True(DatabaseLock.IsHeld(first.FilePath));

        first.Dispose();
        Assert.False(DatabaseLock.IsHeld(first.FilePath));
        using var next = Open();
        Assert.NotNull(next.Database);
    }

    private ChatBotDatabase Open() => new(Options.Create(new StorageOptions { DataDirectory = _data.Path }));
}
