using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Contracts;

[Collection(PostgresTests.Collection)]
public sealed class PostgresScheduleStoreContractTests(PostgresServer server) : ScheduleStoreContract
{
    protected override async Task<StorageUnderTest> OpenAsync() => await PostgresStorage.CreateAsync(server);
}
