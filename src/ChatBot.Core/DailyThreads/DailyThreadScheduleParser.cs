using System.Globalization;
using ChatBot.Core.Chat;
using ChatBot.Core.Search;

namespace ChatBot.Core.DailyThreads;

/// <summary>
/// Checks and converts what a person typed for a schedule (in configuration or in <c>/papers-admin daily set</c>),
/// with messages that show a valid example.
/// </summary>
public static class DailyThreadScheduleParser
{
    public const int MaxTop = 10;

    public static TimeOnly ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new ChatBotException($"'{text}' is not a time of day; use 24-hour HH:mm, e.g. 09:00 or 17:30.");

    public static string ParseTimeZone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ChatBotException("A time zone is needed, e.g. Europe/Berlin or America/New_York.");
        }

        _ = DailyThreadScheduleClock.FindTimeZone(text.Trim());
        return text.Trim();
    }

    public static int ParseTop(int top) =>
        top is >= 1 and <= MaxTop ? top : throw new ChatBotException($"{top} papers is not possible; choose 1 to {MaxTop}.");

    public static string? ParseFilter(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!SearchQueryParser.TryParse(text, out var query, out var error))
        {
            throw new ChatBotException($"The filter '{text.Trim()}' is not a valid query: {error}.");
        }

        return query.Mode == SearchMode.Semantic && query.MeaningText.Length == 0
            ? throw new ChatBotException($"The filter '{text.Trim()}' asks for mode:semantic but has no words to compare by meaning, e.g. mode:semantic robots that learn from video.")
            : text.Trim();
    }

    public static DayOfWeek ParseWeekday(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Enum.GetValues<DayOfWeek>().FirstOrDefault(d =>
            d.ToString().StartsWith(text.Trim(), StringComparison.OrdinalIgnoreCase) && text.Trim().Length >= 3, (DayOfWeek)(-1));
        return match >= 0 ? match : throw new ChatBotException($"'{text}' is not a day of the week; use Monday or Mon, Tuesday or Tue, and so on.");
    }

    /// <summary>A configured entry as a schedule on one of <paramref name="platforms"/>; throws <see cref="ChatBotException"/> naming the first bad field.</summary>
    public static DailyThreadSchedule FromSetting(DailyThreadScheduleSetting setting, ChatPlatforms platforms)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(platforms);
        return new DailyThreadSchedule
        {
            Platform = platforms.ParseName(setting.Platform),
            ChannelId = string.IsNullOrWhiteSpace(setting.ChannelId) ? throw new ChatBotException("A channel id is needed.") : setting.ChannelId.Trim(),
            LocalTime = ParseTime(setting.Time),
            TimeZoneId = ParseTimeZone(setting.TimeZone),
            Top = ParseTop(setting.Top),
            Filter = ParseFilter(setting.Filter),
            Weekdays = [.. setting.Weekdays.Select(ParseWeekday).Distinct()],
        };
    }
}
