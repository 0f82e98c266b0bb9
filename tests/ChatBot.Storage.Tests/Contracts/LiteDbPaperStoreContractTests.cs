namespace ChatBot.Storage.Tests.Contracts;

public sealed class LiteDbPaperStoreContractTests : PaperStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => Task.FromResult<StorageUnderTest>(new LiteDbStorage());
}
