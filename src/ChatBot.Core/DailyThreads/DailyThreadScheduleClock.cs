namespace ChatBot.Core.DailyThreads;

/// <summary>
/// Turns a schedule's local time into instants, honouring its time zone's daylight-saving rules:
/// a 09:00 Europe/Berlin post is due at 09:00 local on both sides of a change. A local time that
/// does not exist on a spring-forward day moves forward by the gap (02:30 becomes 03:30); a time
/// that occurs twice on a fall-back day is due at its first occurrence.
/// </summary>
public static class DailyThreadScheduleClock
{
    public static TimeZoneInfo FindTimeZone(string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(timeZoneId);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new ChatBotException($"'{timeZoneId}' is not a known time zone; use an IANA name such as Europe/Berlin or America/New_York.", e);
        }
        catch (InvalidTimeZoneException e)
        {
            throw new ChatBotException($"The time zone '{timeZoneId}' cannot be read on this machine ({e.Message}).", e);
        }
    }

    /// <summary>The instant the schedule's post for <paramref name="localDate"/> is due.</summary>
    public static DateTimeOffset DueAt(DailyThreadSchedule schedule, DateOnly localDate, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return DueAt(schedule.LocalTime, localDate, zone);
    }

    /// <summary>The instant <paramref name="localTime"/> of <paramref name="localDate"/> happens in <paramref name="zone"/>, across DST changes.</summary>
    public static DateTimeOffset DueAt(TimeOnly localTime, DateOnly localDate, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = localDate.ToDateTime(localTime, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Spring forward: the clock skips this time; post when the day reaches it on the new clock.
            var gap = zone.GetAdjustmentRules()
                .Where(r => r.DateStart <= local && local <= r.DateEnd)
                .Select(r => r.DaylightDelta)
                .FirstOrDefault(TimeSpan.FromHours(1));
            local += gap;
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max() // the first occurrence has the larger (summer) offset
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>
    /// The days whose post time has passed by <paramref name="now"/>, among yesterday and today in the
    /// schedule's zone (yesterday matters when a late-evening post is caught up after midnight), oldest first.
    /// </summary>
    public static IReadOnlyList<ScheduledDay> PassedDays(DailyThreadSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = FindTimeZone(schedule.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var days = new List<ScheduledDay>(2);
        foreach (var date in new[] { today.AddDays(-1), today })
        {
            var due = DueAt(schedule, date, zone);
            if (due <= now && schedule.PostsOn(date))
            {
                days.Add(new ScheduledDay(date, due));
            }
        }

        return days;
    }
}
