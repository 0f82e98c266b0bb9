using ChatBot.Core.Chat;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Papers;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Contracts;

/// <summary>IPostLog: one record per schedule and local date, saved after every step of a daily thread.</summary>
public abstract class PostLogContract : StorageContract
{
    [ContractFact]
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
        await Storage.PostLog.SaveAsync(record);

        await Storage.ReopenAsync();
        var read = await Storage.PostLog.FindAsync("discord:1", new DateOnly(2026, 11, 22));

        Assert.Equivalent(record, read, strict: true);
    }

    [ContractFact]
    public async Task Each_save_replaces_the_days_record_and_other_days_have_none()
    {
        var started = new DailyThreadRecord { ScheduleId = "slack:C1", LocalDate = new DateOnly(2026, 11, 22), Papers = [PaperId.Parse("2611.00001")] };
        await Storage.PostLog.SaveAsync(started);
        var finished = started with
        {
            State = DailyThreadState.Completed,
            Thread = new ThreadRef("C1", "1.1", "1.1"),
            RepliesSent = 1,
            RetryAt = new DateTimeOffset(2026, 11, 22, 8, 4, 0, TimeSpan.Zero).AddTicks(1234),
            Note = "done",
        };

        await Storage.PostLog.SaveAsync(finished);

        Assert.Equivalent(finished, await Storage.PostLog.FindAsync("slack:C1", new DateOnly(2026, 11, 22)), strict: true);
        Assert.Null(await Storage.PostLog.FindAsync("slack:C1", new DateOnly(2026, 11, 23)));
        Assert.Null(await Storage.PostLog.FindAsync("slack:C2", new DateOnly(2026, 11, 22)));
    }

    [ContractFact]
    public async Task Posted_papers_gather_every_day_of_one_schedule_only()
    {
        var log = Storage.PostLog;
        await log.SaveAsync(new DailyThreadRecord { ScheduleId = "discord:1", LocalDate = new DateOnly(2026, 11, 21), Papers = [PaperId.Parse("2611.00001")] });
        await log.SaveAsync(new DailyThreadRecord { ScheduleId = "discord:1", LocalDate = new DateOnly(2026, 11, 22), Papers = [PaperId.Parse("2611.00002")] });
        await log.SaveAsync(new DailyThreadRecord { ScheduleId = "slack:C1", LocalDate = new DateOnly(2026, 11, 22), Papers = [PaperId.Parse("2611.00003")] });

        var posted = await log.PostedPapersAsync("discord:1");

        Assert.Equal(["2611.00001", "2611.00002"], posted.Select(p => p.Value).Order(StringComparer.Ordinal));
    }
}
