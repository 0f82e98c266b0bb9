using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Contracts;

/// <summary>IStateStore: named values that survive a restart.</summary>
public abstract class StateStoreContract : StorageContract
{
    [ContractFact]
    public async Task A_value_survives_reopening_the_database_and_the_last_write_wins()
    {
        await Storage.State.SetAsync("discord:commands-hash", "a");
        await Storage.State.SetAsync("discord:commands-hash", "b");

        await Storage.ReopenAsync();
        var value = await Storage.State.GetAsync("discord:commands-hash");

        Assert.Equal("b", value);
    }

    [ContractFact]
    public async Task An_unknown_key_has_no_value()
    {
        Assert.Null(await Storage.State.GetAsync("nothing"));
    }
}
