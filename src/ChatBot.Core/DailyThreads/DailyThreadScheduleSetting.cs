namespace ChatBot.Core.DailyThreads;

/// <summary>One <c>DailyThreads:Schedules</c> entry of the configuration, as written there (validated by <see cref="DailyThreadSchedulesValidator"/>).</summary>
public sealed class DailyThreadScheduleSetting
{
    /// <summary><c>discord</c>, <c>slack</c> or <c>console</c>.</summary>
    public string? Platform { get; set; }

    public string? ChannelId { get; set; }

    /// <summary>Local time, <c>HH:mm</c>.</summary>
    public string? Time { get; set; }

    /// <summary>IANA time zone, e.g. <c>Europe/Berlin</c>.</summary>
    public string? TimeZone { get; set; }

    public int Top { get; set; } = 5;

    /// <summary>A query in the search language, e.g. <c>diffusion OR "video generation"</c>.</summary>
    public string? Filter { get; set; }

    /// <summary>Day names (<c>Monday</c> or <c>Mon</c>); empty for every day.</summary>
    public IList<string> Weekdays { get; } = [];
}
