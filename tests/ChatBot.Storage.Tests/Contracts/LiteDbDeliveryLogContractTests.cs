namespace ChatBot.Storage.Tests.Contracts;

public sealed class LiteDbDeliveryLogContractTests : DeliveryLogContract
{
    protected override Task<StorageUnderTest> OpenAsync() => Task.FromResult<StorageUnderTest>(new LiteDbStorage());
}
