using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Contracts;

[Collection(PostgresTests.Collection)]
public sealed class PostgresAlertStoreContractTests(PostgresServer server) : AlertStoreContract
{
    protected override async Task<StorageUnderTest> OpenAsync() => await PostgresStorage.CreateAsync(server);
}
