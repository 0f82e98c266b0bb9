namespace ChatBot.Core.DailyThreads;

/// <summary>
/// When and where a daily trending thread is posted: a channel of a platform, a local time in an
/// IANA time zone, how many papers, an optional query filter (the search language) and weekdays.
/// </summary>
public sealed record DailyThreadSchedule
{
    /// <summary><c>{platform}:{channel}</c>: one schedule per channel.</summary>
    public string Id => $"{Platform}:{ChannelId}";

    public required string Platform { get; init; }

    public required string ChannelId { get; init; }

    public required TimeOnly LocalTime { get; init; }

    /// <summary>An IANA time zone id such as <c>Europe/Berlin</c>.</summary>
    public required string TimeZoneId { get; init; }

    public int Top { get; init; } = 5;

    /// <summary>A query in the search language that the papers must match; null for all papers.</summary>
    public string? Filter { get; init; }

    /// <summary>The days it posts on; empty means every day.</summary>
    public IReadOnlyList<DayOfWeek> Weekdays { get; init; } = [];

    /// <summary>Why posting stopped (repeated permanent failures); null while active.</summary>
    public string? PausedReason { get; init; }

    public bool PostsOn(DateOnly localDate) => Weekdays.Count == 0 || Weekdays.Contains(localDate.DayOfWeek);
}
