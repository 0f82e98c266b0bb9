using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Contracts;

[Collection(PostgresTests.Collection)]
public sealed class PostgresPaperStoreContractTests(PostgresServer server) : PaperStoreContract
{
    protected override async Task<StorageUnderTest> OpenAsync() => await PostgresStorage.CreateAsync(server);
}
