namespace ChatBot.Storage.Tests.Contracts;

public sealed class LiteDbAlertStoreContractTests : AlertStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => Task.FromResult<StorageUnderTest>(new LiteDbStorage());
}
