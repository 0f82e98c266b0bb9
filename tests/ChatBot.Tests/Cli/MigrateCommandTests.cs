using ChatBot.Core.Alerts;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Chat;
using ChatBot.Core.Storage;
using ChatBot.Storage.Alerts;
using ChatBot.Storage.DailyThreads;
using ChatBot.Storage.Database;
using ChatBot.Storage.Papers;
using ChatBot.Storage.Postgres.Alerts;
using ChatBot.Storage.Postgres.DailyThreads;
using ChatBot.Storage.Postgres.Database;
using ChatBot.Storage.Postgres.Papers;
using ChatBot.Storage.Postgres.State;
using ChatBot.Storage.State;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Tests.Cli;

/// <summary>
/// <c>migrate --to postgres</c> on a real PostgreSQL: a LiteDB database with papers, alerts (one paused), settings, a
/// schedule, a daily thread, state and a delivery log with papers already sent and papers pending is copied; the two
/// stores read alike through every port after the first run and after the second, which changes nothing; a database
/// holding other data is refused; and the PostgreSQL delivery log does not take up again what LiteDB already sent.
/// </summary>
[Collection(PostgresTests.Collection)]
public sealed class MigrateCommandTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private const string Password = "pg-password-not-for-output";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 5, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();
    private readonly EnvironmentVariables _environment = new();
    private PostgresTestDatabase? _database;
    private PostgresDatabase? _postgres;

    public async Task InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync();
        _environment.Set("Storage__ConnectionString", _database.ConnectionString + ";Password=" + Password);
        _postgres = new PostgresDatabase(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _environment.Dispose();
        _data.Dispose();
    }

    [PostgresFact]
    public async Task Everything_is_copied_and_a_second_run_changes_nothing()
    {
        var batch = await FillLiteDbAsync();

        var (first, firstOutput) = await CliRunner.RunAsync(["--data-dir", _data.Path, "migrate", "--to", "postgres"]);
        Assert.True(first == 0, firstOutput);
        await AssertSameAsync(batch);
        var (second, secondOutput) = await CliRunner.RunAsync(["--data-dir", _data.Path, "migrate", "--to", "postgres"]);

        Assert.True(second == 0, secondOutput);
        Assert.Contains("Migrated ", firstOutput, StringComparison.Ordinal);
        Assert.Contains("Copied ", firstOutput, StringComparison.Ordinal);
        Assert.Contains("Already migrated", secondOutput, StringComparison.Ordinal);
        Assert.Contains("Nothing changed", secondOutput, StringComparison.Ordinal);
        await AssertSameAsync(batch);
        Assert.DoesNotContain(Password, firstOutput + secondOutput, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task What_LiteDB_already_sent_is_not_taken_up_again_on_PostgreSQL()
    {
        var batch = await FillLiteDbAsync();
        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _data.Path, "migrate", "--to", "postgres"]);
        Assert.True(exitCode == 0, output);
        var log = new PostgresDeliveryLog(_postgres!);

        // The alert worker matching the same papers again (a restart on the new store) records nothing of them.
        var recordedAgain = await log.RecordNewAsync(batch);
        var pending = await log.PendingAsync();

        Assert.Equal(0, recordedAgain);
        Assert.DoesNotContain(pending, d => d.UserId == "u1");
        var waiting = Assert.Single(pending);
        Assert.Equal(("u2", 1, "429 from Slack"), (waiting.UserId, waiting.Attempts, waiting.LastError));
    }

    [PostgresFact]
    public async Task A_database_that_changed_since_or_holds_other_data_is_refused_with_nothing_written()
    {
        await FillLiteDbAsync();
        var (migrated, output) = await CliRunner.RunAsync(["--data-dir", _data.Path, "migrate", "--to", "postgres"]);
        Assert.True(migrated == 0, output);
        await new PostgresStateStore(_postgres!).SetAsync("ingest-cursor", "moved on by a bot on PostgreSQL");

        var (changed, changedOutput) = await CliRunner.RunAsync(["--data-dir", _data.Path, "migrate", "--to", "postgres"]);

        Assert.NotEqual(0, changed);
        Assert.Contains("now differs from", changedOutput, StringComparison.Ordinal);
        Assert.Contains("(state)", changedOutput, StringComparison.Ordinal);
        Assert.Equal("moved on by a bot on PostgreSQL", await new PostgresStateStore(_postgres!).GetAsync("ingest-cursor"));

        await using var other = await server.CreateDatabaseAsync();
        await using (var foreign = new PostgresDatabase(other.ConnectionString))
        {
            await new PostgresStateStore(foreign).SetAsync("k", "v");
        }

        _environment.Set("Storage__ConnectionString", other.ConnectionString);
        var (foreignExit, foreignOutput) = await CliRunner.RunAsync(["--data-dir", _data.Path, "migrate", "--to", "postgres"]);

        Assert.NotEqual(0, foreignExit);
        Assert.Contains("already holds data (state) that no finished migrate wrote", foreignOutput, StringComparison.Ordinal);
        await using var check = new PostgresDatabase(other.ConnectionString);
        Assert.Equal(0, (await new PostgresPaperStore(check, TimeProvider.System).GetStatsAsync()).Papers);
    }

    [PostgresFact]
    public async Task Without_a_connection_string_it_says_which_setting_to_set()
    {
        _environment.Set("Storage__ConnectionString", "");

        var (exitCode, output) = await CliRunner.RunAsync(["--data-dir", _data.Path, "migrate", "--to", "postgres"]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Storage:ConnectionString", output, StringComparison.Ordinal);
    }

    /// <summary>The seeds, two alerts (one paused), a digest setting, a schedule, a daily thread, state, and deliveries: u1's sent, u2's pending after a failure.</summary>
    private async Task<IReadOnlyList<Delivery>> FillLiteDbAsync()
    {
        var (imported, importOutput) = await CliRunner.RunAsync(["--data-dir", _data.Path, "import", SeedCorpus.Directory]);
        Assert.True(imported == 0, importOutput);
        using var database = OpenLiteDb();
        var papers = await new LiteDbPaperStore(database, TimeProvider.System).ReadAfterAsync(0, 3);
        var alerts = new LiteDbAlertStore(database, NullLogger<LiteDbAlertStore>.Instance);
        var kept = await alerts.TryAddAsync(new Alert { Platform = "discord", UserId = "u1", Query = "transformer", CreatedAt = Now }, 10);
        var paused = await alerts.TryAddAsync(new Alert { Platform = "slack", UserId = "u2", Query = "diffusion", CreatedAt = Now }, 10);
        await alerts.UpdateAsync([paused!.Id], a => a with { PausedReason = "cannot DM", Matches = 3 });
        await alerts.UpdateSettingsAsync("discord", "u1", s => s with { Digest = AlertDigest.FromStored("daily|08:00|Europe/Berlin"), DigestSentOn = new DateOnly(2026, 12, 5) });
        await new LiteDbScheduleStore(database).SaveAsync(new DailyThreadSchedule
        {
            Platform = "discord", ChannelId = "c1", LocalTime = new TimeOnly(9, 0), TimeZoneId = "UTC", Weekdays = [DayOfWeek.Monday, DayOfWeek.Friday],
        });
        await new LiteDbPostLog(database).SaveAsync(new DailyThreadRecord
        {
            ScheduleId = "discord:c1", LocalDate = new DateOnly(2026, 12, 4), State = DailyThreadState.Completed, Papers = [papers[0].Id],
            Thread = new ThreadRef("c1", "m1", "t1"), RepliesSent = 1,
        });
        await new LiteDbStateStore(database).SetAsync("ingest-cursor", "2026-12-05");
        var log = new LiteDbDeliveryLog(database);
        IReadOnlyList<Delivery> batch =
        [
            new() { Platform = "discord", UserId = "u1", PaperId = papers[0].Id, Sequence = papers[0].Sequence, AlertIds = [kept!.Id] },
            new() { Platform = "discord", UserId = "u1", PaperId = papers[1].Id, Sequence = papers[1].Sequence, AlertIds = [kept.Id] },
            new() { Platform = "slack", UserId = "u2", PaperId = papers[2].Id, Sequence = papers[2].Sequence, AlertIds = [paused.Id] },
        ];
        Assert.Equal(3, await log.RecordNewAsync(batch));
        var pending = await log.PendingAsync();
        await log.SaveAsync([.. pending.Where(d => d.UserId == "u1").Select(d => d with { State = DeliveryState.Sent })]);
        await log.SaveAsync([.. pending.Where(d => d.UserId == "u2").Select(d => d with { Attempts = 1, RetryAt = Now.AddMinutes(5), LastError = "429 from Slack" })]);
        return batch;
    }

    private ChatBotDatabase OpenLiteDb() => new(Options.Create(new StorageOptions { DataDirectory = _data.Path }));

    /// <summary>Both stores read alike through every port (the LiteDB file opened after the CLI let it go).</summary>
    private async Task AssertSameAsync(IReadOnlyList<Delivery> batch)
    {
        using var database = OpenLiteDb();
        var pg = _postgres!;
        IPaperStore[] papers = [new LiteDbPaperStore(database, TimeProvider.System), new PostgresPaperStore(pg, TimeProvider.System)];
        IAlertStore[] alerts = [new LiteDbAlertStore(database, NullLogger<LiteDbAlertStore>.Instance), new PostgresAlertStore(pg)];
        IScheduleStore[] schedules = [new LiteDbScheduleStore(database), new PostgresScheduleStore(pg)];
        IPostLog[] posts = [new LiteDbPostLog(database), new PostgresPostLog(pg)];
        IStateStore[] state = [new LiteDbStateStore(database), new PostgresStateStore(pg)];
        IDeliveryLog[] logs = [new LiteDbDeliveryLog(database), new PostgresDeliveryLog(pg)];

        var stats = await Task.WhenAll(papers.Select(p => p.GetStatsAsync()));
        Assert.True(stats[0].Papers > 100);
        Assert.Equal((stats[0].Papers, stats[0].LastSequence, stats[0].LastRevision), (stats[1].Papers, stats[1].LastSequence, stats[1].LastRevision));
        var all = await Task.WhenAll(papers.Select(p => p.ReadAfterAsync(0, 100_000)));
        Assert.Equal(Json(all[0]), Json(all[1]));
        foreach (var (platform, user) in new[] { ("discord", "u1"), ("slack", "u2") })
        {
            Assert.Equal(Json(await alerts[0].ListForUserAsync(platform, user)), Json(await alerts[1].ListForUserAsync(platform, user)));
            Assert.Equal(Json(await alerts[0].GetSettingsAsync(platform, user)), Json(await alerts[1].GetSettingsAsync(platform, user)));
        }

        Assert.Equal(Json(await schedules[0].ListAsync()), Json(await schedules[1].ListAsync()));
        Assert.Equal(Json(await posts[0].FindAsync("discord:c1", new DateOnly(2026, 12, 4))), Json(await posts[1].FindAsync("discord:c1", new DateOnly(2026, 12, 4))));
        Assert.Equal(await state[0].GetAsync("ingest-cursor"), await state[1].GetAsync("ingest-cursor"));
        Assert.Equal(await logs[0].RecordedThroughAsync(), await logs[1].RecordedThroughAsync());
        Assert.Equal(Json(await logs[0].PendingAsync()), Json(await logs[1].PendingAsync()));
        Assert.Equal(batch.Max(d => d.Sequence), await logs[1].RecordedThroughAsync());
    }

    private static string Json(object? value) => System.Text.Json.JsonSerializer.Serialize(value);
}
