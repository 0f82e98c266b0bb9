using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Contracts;

[Collection(PostgresTests.Collection)]
public sealed class PostgresDeliveryLogContractTests(PostgresServer server) : DeliveryLogContract
{
    protected override async Task<StorageUnderTest> OpenAsync() => await PostgresStorage.CreateAsync(server);
}
