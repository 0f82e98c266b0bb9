namespace ChatBot.Storage.Tests.Contracts;

/// <summary>
/// The base of every storage contract: the same test methods run against each provider's derived class
/// (LiteDB on a temp file, PostgreSQL on the test server), so the two cannot drift. Each test gets fresh storage.
/// </summary>
public abstract class StorageContract : IAsyncLifetime
{
    private StorageUnderTest? _storage;

    protected StorageUnderTest Storage => _storage ?? throw new InvalidOperationException("Storage opens in InitializeAsync.");

    public async Task InitializeAsync() => _storage = await OpenAsync();

    public async Task DisposeAsync()
    {
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }

    protected abstract Task<StorageUnderTest> OpenAsync();
}
