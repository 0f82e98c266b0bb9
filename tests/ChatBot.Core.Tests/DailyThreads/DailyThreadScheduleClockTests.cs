using ChatBot.Core;
using ChatBot.Core.DailyThreads;

namespace ChatBot.Core.Tests.DailyThreads;

public sealed class DailyThreadScheduleClockTests
{
    private static readonly TimeZoneInfo Berlin = DailyThreadScheduleClock.FindTimeZone("Europe/Berlin");

    private static DailyThreadSchedule At(string time, string zone = "Europe/Berlin") => new()
    {
        Platform = "discord",
        ChannelId = "1",
        LocalTime = TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture),
        TimeZoneId = zone,
    };

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Nine_o_clock_in_Berlin_stays_nine_o_clock_local_across_the_spring_change()
    {
        Assert.Equal(Utc(3, 28, 8), DailyThreadScheduleClock.DueAt(At("09:00"), new DateOnly(2026, 3, 28), Berlin));
        Assert.Equal(Utc(3, 29, 7), DailyThreadScheduleClock.DueAt(At("09:00"), new DateOnly(2026, 3, 29), Berlin));
    }

    [Fact]
    public void Nine_o_clock_in_Berlin_stays_nine_o_clock_local_across_the_autumn_change()
    {
        Assert.Equal(Utc(10, 24, 7), DailyThreadScheduleClock.DueAt(At("09:00"), new DateOnly(2026, 10, 24), Berlin));
        Assert.Equal(Utc(10, 25, 8), DailyThreadScheduleClock.DueAt(At("09:00"), new DateOnly(2026, 10, 25), Berlin));
    }

    [Fact]
    public void A_time_the_spring_change_skips_is_due_one_hour_later_on_the_new_clock()
    {
        Assert.Equal(Utc(3, 29, 1, 30), DailyThreadScheduleClock.DueAt(At("02:30"), new DateOnly(2026, 3, 29), Berlin));
    }

    [Fact]
    public void A_time_the_autumn_change_repeats_is_due_at_its_first_occurrence()
    {
        Assert.Equal(Utc(10, 25, 0, 30), DailyThreadScheduleClock.DueAt(At("02:30"), new DateOnly(2026, 10, 25), Berlin));
    }

    [Fact]
    public void Before_the_local_time_only_yesterday_has_passed_and_after_it_today_too()
    {
        var schedule = At("09:00");

        Assert.Equal([new DateOnly(2026, 3, 28)], DailyThreadScheduleClock.PassedDays(schedule, Utc(3, 29, 6, 59)).Select(d => d.LocalDate));
        Assert.Equal([new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 29)], DailyThreadScheduleClock.PassedDays(schedule, Utc(3, 29, 7)).Select(d => d.LocalDate));
    }

    [Fact]
    public void Zones_far_apart_have_their_own_local_dates()
    {
        var tokyo = At("08:00", "Asia/Tokyo");

        var days = DailyThreadScheduleClock.PassedDays(tokyo, Utc(11, 23, 0));

        Assert.Equal(new DateOnly(2026, 11, 23), days[^1].LocalDate);
        Assert.Equal(Utc(11, 22, 23), days[^1].DueAt);
    }

    [Fact]
    public void Days_outside_the_weekdays_never_pass()
    {
        var weekdaysOnly = At("09:00") with { Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday] };

        // Sunday 2026-11-22 and Monday 2026-11-23.
        var days = DailyThreadScheduleClock.PassedDays(weekdaysOnly, Utc(11, 23, 12));

        Assert.Equal([new DateOnly(2026, 11, 23)], days.Select(d => d.LocalDate));
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_with_an_example()
    {
        var error = Assert.Throws<ChatBotException>(() => DailyThreadScheduleClock.FindTimeZone("Europe/Berln"));

        Assert.Contains("'Europe/Berln' is not a known time zone", error.Message, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", error.Message[30..], StringComparison.Ordinal);
    }
}
