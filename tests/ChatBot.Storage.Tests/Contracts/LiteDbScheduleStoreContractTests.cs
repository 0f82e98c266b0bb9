namespace ChatBot.Storage.Tests.Contracts;

public sealed class LiteDbScheduleStoreContractTests : ScheduleStoreContract
{
    protected override Task<StorageUnderTest> OpenAsync() => Task.FromResult<StorageUnderTest>(new LiteDbStorage());
}
