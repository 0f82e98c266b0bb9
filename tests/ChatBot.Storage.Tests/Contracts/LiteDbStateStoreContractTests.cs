namespace ChatBot.Storage.Tests.Contracts;

public sealed class LiteDbStateStoreContractTests : StateStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => Task.FromResult<StorageUnderTest>(new LiteDbStorage());
}
