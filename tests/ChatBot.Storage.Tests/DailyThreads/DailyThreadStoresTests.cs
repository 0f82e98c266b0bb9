using ChatBot.Core.Chat;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Storage.Database;
using ChatBot.Storage.DailyThreads;
using ChatBot.Testing;
using Microsoft.Extensions.Options;

namespace ChatBot.Storage.Tests.DailyThreads;

public sealed class DailyThreadStoresTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_post_record_survives_a_restart_with_its_thread_progress_and_retry_time()
    {
        var record = new DailyThreadRecord
        {
            ScheduleId = "discord:1",
            LocalDate = new DateOnly(2026, 11, 22),
            Papers = [PaperId.Parse("2611.00001"), PaperId.FromTitle("A title")],
            Thread = new ThreadRef("1", "100", "200"),
            RepliesSent = 1,
            Failures = 2,
            LastError = "50013: Missing Permissions",
            RetryAt = new DateTimeOffset(2026, 11, 22, 8, 4, 0, TimeSpan.Zero),
        };
        using (var database = Open())
        {
            await new LiteDbPostLog(database).SaveAsync(record);
        }

        using var reopened = Open();
        var read = await new LiteDbPostLog(reopened).FindAsync("discord:1", new DateOnly(2026, 11, 22));

        Assert.Equivalent(record, read, strict: true);
    }

    [Fact]
    public async Task Posted_papers_gather_every_day_of_one_schedule_only()
    {
        using var database = Open();
        var log = new LiteDbPostLog(database);
        await log.SaveAsync(new DailyThreadRecord { ScheduleId = "discord:1", LocalDate = new DateOnly(2026, 11, 21), Papers = [PaperId.Parse("2611.00001")] });
        await log.SaveAsync(new DailyThreadRecord { ScheduleId = "discord:1", LocalDate = new DateOnly(2026, 11, 22), Papers = [PaperId.Parse("2611.00002")] });
        await log.SaveAsync(new DailyThreadRecord { ScheduleId = "slack:C1", LocalDate = new DateOnly(2026, 11, 22), Papers = [PaperId.Parse("2611.00003")] });

        var posted = await log.PostedPapersAsync("discord:1");

        Assert.Equal(["2611.00001", "2611.00002"], posted.Select(p => p.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Schedules_round_trip_and_can_be_removed()
    {
        using var database = Open();
        var store = new LiteDbScheduleStore(database);
        var schedule = new DailyThreadSchedule
        {
            Platform = "slack",
            ChannelId = "C1",
            LocalTime = new TimeOnly(8, 30),
            TimeZoneId = "America/New_York",
            Top = 7,
            Filter = "diffusion OR \"video generation\"",
            Weekdays = [DayOfWeek.Monday, DayOfWeek.Friday],
            PausedReason = "3 failures",
        };

        await store.SaveAsync(schedule);
        var listed = Assert.Single(await store.ListAsync());
        var removed = await store.RemoveAsync(schedule.Id);

        Assert.Equivalent(schedule, listed, strict: true);
        Assert.True(removed);
        Assert.Empty(await store.ListAsync());
        Assert.False(await store.RemoveAsync(schedule.Id));
    }

    private ChatBotDatabase Open() => new(Options.Create(new StorageOptions { DataDirectory = _directory.Path }));
}
