namespace ChatBot.Storage.Tests.Contracts;

public sealed class LiteDbPostLogContractTests : PostLogContract
{
    protected override Task<StorageUnderTest> OpenAsync() => Task.FromResult<StorageUnderTest>(new LiteDbStorage());
}
