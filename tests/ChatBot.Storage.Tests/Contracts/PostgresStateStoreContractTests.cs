using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Contracts;

[Collection(PostgresTests.Collection)]
public sealed class PostgresStateStoreContractTests(PostgresServer server) : StateStoreContract
{
    protected override async Task<StorageUnderTest> OpenAsync() => await PostgresStorage.CreateAsync(server);
}
