using ChatBot.Core.Storage;
using ChatBot.Storage.Postgres.Alerts;
using ChatBot.Storage.Postgres.DailyThreads;
using ChatBot.Storage.Postgres.Database;
using ChatBot.Storage.Postgres.Papers;
using ChatBot.Storage.Postgres.State;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Contracts;

/// <summary>The PostgreSQL stores on a fresh database of the test server; reopening starts a new connection pool, as a new process would.</summary>
internal sealed class PostgresStorage : StorageUnderTest
{
    private readonly PostgresTestDatabase _testDatabase;
    private PostgresDatabase _database;
    private Stores _stores;

    private PostgresStorage(PostgresTestDatabase testDatabase)
    {
        _testDatabase = testDatabase;
        _database = new PostgresDatabase(testDatabase.ConnectionString);
        _stores = new Stores(_database, Clock);
    }

    public string ConnectionString => _testDatabase.ConnectionString;

    public override IStateStore State => _stores.State;

    public override IScheduleStore Schedules => _stores.Schedules;

    public override IPostLog PostLog => _stores.PostLog;

    public override IAlertStore Alerts => _stores.Alerts;

    public override IPaperStore Papers => _stores.Papers;

    public override IDeliveryLog Deliveries => _stores.Deliveries;

    public static async Task<PostgresStorage> CreateAsync(PostgresServer server) => new(await server.CreateDatabaseAsync());

    public override async Task ReopenAsync()
    {
        await _database.DisposeAsync();
        _database = new PostgresDatabase(_testDatabase.ConnectionString);
        _stores = new Stores(_database, Clock);
    }

    public override async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        await _testDatabase.DisposeAsync();
    }

    private sealed class Stores(PostgresDatabase database, TimeProvider clock)
    {
        public IStateStore State { get; } = new PostgresStateStore(database);

        public IScheduleStore Schedules { get; } = new PostgresScheduleStore(database);

        public IPostLog PostLog { get; } = new PostgresPostLog(database);

        public IAlertStore Alerts { get; } = new PostgresAlertStore(database);

        public IDeliveryLog Deliveries { get; } = new PostgresDeliveryLog(database);

        public IPaperStore Papers { get; } = new PostgresPaperStore(database, clock);
    }
}
