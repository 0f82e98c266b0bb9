using ChatBot.Core.Storage;
using ChatBot.Storage.Alerts;
using ChatBot.Storage.DailyThreads;
using ChatBot.Storage.Database;
using ChatBot.Storage.Papers;
using ChatBot.Storage.State;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Tests.Contracts;

/// <summary>The LiteDB stores on a temp database file.</summary>
internal sealed class LiteDbStorage : StorageUnderTest
{
    private readonly TempDirectory _directory = new();
    private ChatBotDatabase _database;
    private Stores _stores;

    public LiteDbStorage()
    {
        _database = Open();
        _stores = new Stores(_database, Clock);
    }

    public override IStateStore State => _stores.State;

    public override IScheduleStore Schedules => _stores.Schedules;

    public override IPostLog PostLog => _stores.PostLog;

    public override IAlertStore Alerts => _stores.Alerts;

    public override IPaperStore Papers => _stores.Papers;

    public override IDeliveryLog Deliveries => _stores.Deliveries;

    public override Task ReopenAsync()
    {
        _database.Dispose();
        _database = Open();
        _stores = new Stores(_database, Clock);
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        _database.Dispose();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }

    private ChatBotDatabase Open() => new(Options.Create(new StorageOptions { DataDirectory = _directory.Path }));

    private sealed class Stores(ChatBotDatabase database, TimeProvider clock)
    {
        public IStateStore State { get; } = new LiteDbStateStore(database);

        public IScheduleStore Schedules { get; } = new LiteDbScheduleStore(database);

        public IPostLog PostLog { get; } = new LiteDbPostLog(database);

        public IAlertStore Alerts { get; } = new LiteDbAlertStore(database, NullLogger<LiteDbAlertStore>.Instance);

        public IDeliveryLog Deliveries { get; } = new LiteDbDeliveryLog(database);

        public IPaperStore Papers { get; } = new LiteDbPaperStore(database, clock);
    }
}
