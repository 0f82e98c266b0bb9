using ChatBot.Storage.Database;
using ChatBot.Storage.State;
using ChatBot.Core.Storage;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Tests.State;

public sealed class StateStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_value_survives_reopening_the_database_and_the_last_write_wins()
    {
        using (var database = Open())
        {
            var store = new LiteDbStateStore(database);
            await store.SetAsync("discord:commands-hash", "a");
            await store.SetAsync("discord:commands-hash", "b");
        }

        using var reopened = Open();
        var value = await new LiteDbStateStore(reopened).GetAsync("discord:commands-hash");

        Assert.Equal("b", value);
    }

    [Fact]
    public async Task An_unknown_key_has_no_value()
    {
        using var database = Open();

        Assert.Null(await new LiteDbStateStore(database).GetAsync("nothing"));
    }

    private ChatBotDatabase Open() => new(Options.Create(new StorageOptions { DataDirectory = _directory.Path }));
}
