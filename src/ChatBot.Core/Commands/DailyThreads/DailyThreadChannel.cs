using ChatBot.Core.DailyThreads;

namespace ChatBot.Core.Commands.DailyThreads;

/// <summary>The schedule id of the channel a command ran in; admin commands need a channel.</summary>
internal static class DailyThreadChannel
{
    public static string IdOf(CommandRequest request) =>
        request.Caller.ChannelId is { Length: > 0 } channel
            ? new DailyThreadSchedule { Platform = request.Caller.Platform, ChannelId = channel, LocalTime = default, TimeZoneId = "UTC" }.Id
            : throw new ChatBotException("Run this in the channel whose daily thread you want to change.");

    /// <summary>The next instant the schedule posts, from <paramref name="now"/> on.</summary>
    public static DateTimeOffset NextDue(DailyThreadSchedule schedule, DateTimeOffset now)
    {
        var zone = DailyThreadScheduleClock.FindTimeZone(schedule.TimeZoneId);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var i = 0; i < 8; i++, date = date.AddDays(1))
        {
            var due = DailyThreadScheduleClock.DueAt(schedule, date, zone);
            if (due > now && schedule.PostsOn(date))
            {
                return due;
            }
        }

        return DailyThreadScheduleClock.DueAt(schedule, date, zone);
    }

    public static string Describe(DailyThreadSchedule schedule, DateTimeOffset now)
    {
        var zone = DailyThreadScheduleClock.FindTimeZone(schedule.TimeZoneId);
        var next = TimeZoneInfo.ConvertTime(NextDue(schedule, now), zone);
        var days = schedule.Weekdays.Count == 0 ? "every day" : "on " + string.Join(", ", schedule.Weekdays.Select(d => d.ToString()[..3]));
        var filter = schedule.Filter is null ? "" : $", only papers matching \u201c{schedule.Filter}\u201d";
        var state = schedule.PausedReason is { } reason
            ? $" It is paused: {reason}. Set it again with /papers-admin daily set to resume."
            : $" Next: {next:ddd d MMM HH:mm} ({schedule.TimeZoneId}).";
        return $"{days} at {schedule.LocalTime:HH:mm} {schedule.TimeZoneId}, the top {schedule.Top} trending papers{filter}.{state}";
    }
}
