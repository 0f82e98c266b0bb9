using ChatBot.Core.DailyThreads;
using ChatBot.Testing;

namespace ChatBot.Storage.Tests.Contracts;

/// <summary>IScheduleStore: schedules set by admin commands.</summary>
public abstract class ScheduleStoreContract : StorageContract
{
    [ContractFact]
    public async Task Schedules_round_trip_and_can_be_removed()
    {
        var store = Storage.Schedules;
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

    [ContractFact]
    public async Task Saving_a_channels_schedule_again_replaces_it_and_it_survives_a_restart()
    {
        var schedule = new DailyThreadSchedule { Platform = "discord", ChannelId = "1", LocalTime = new TimeOnly(9, 0), TimeZoneId = "UTC" };
        await Storage.Schedules.SaveAsync(schedule);
        await Storage.Schedules.SaveAsync(schedule with { Top = 3, Weekdays = [DayOfWeek.Sunday], Filter = null });

        await Storage.ReopenAsync();

        Assert.Equivalent(schedule with { Top = 3, Weekdays = [DayOfWeek.Sunday] }, Assert.Single(await Storage.Schedules.ListAsync()), strict: true);
    }
}
