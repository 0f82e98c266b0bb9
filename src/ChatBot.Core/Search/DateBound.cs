namespace ChatBot.Core.Search;

/// <summary>
/// A date filter bound: either relative (<c>since:7d</c>, resolved against the clock when the
/// query runs, so a stored alert query keeps meaning "the last 7 days") or a calendar date (UTC).
/// </summary>
public readonly record struct DateBound
{
    private DateBound(TimeSpan? ago, DateOnly? date)
    {
        Ago = ago;
        Date = date;
    }

    public TimeSpan? Ago { get; }

    public DateOnly? Date { get; }

    public static DateBound Before(TimeSpan ago) => new(ago, null);

    public static DateBound On(DateOnly date) => new(null, date);

    /// <summary>The first instant the bound admits as a lower bound (<c>since:</c>).</summary>
    public DateTimeOffset StartAt(DateTimeOffset now) => Ago is { } ago
        ? now - ago
        : new DateTimeOffset(Date!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant the bound excludes as an upper bound (<c>until:</c> includes its whole day).</summary>
    public DateTimeOffset EndBefore(DateTimeOffset now) => Ago is { } ago
        ? now - ago
        : new DateTimeOffset(Date!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public override string ToString() => Ago is { } ago ? $"{ago.TotalDays:0.##}d" : Date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
