using ChatBot.Core.Chat;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.DailyThreads;

/// <summary>
/// Refuses a bad <c>DailyThreads:Schedules</c> entry at start-up with one line per problem naming the setting,
/// e.g. <c>DailyThreads:Schedules:0:TimeZone 'Europe/Berln' is not a known time zone; …</c>. A platform must be one
/// of those this host registered.
/// </summary>
internal sealed class DailyThreadSchedulesValidator(ChatPlatforms platforms) : IValidateOptions<DailyThreadSchedulesOptions>
{
    public ValidateOptionsResult Validate(string? name, DailyThreadSchedulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var channels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            var setting = options[i];
            var prefix = $"{options.ConfigurationPath}:{i}";
            Check(failures, $"{prefix}:Platform", () => platforms.ParseName(setting.Platform));
            Check(failures, $"{prefix}:ChannelId", () => string.IsNullOrWhiteSpace(setting.ChannelId) ? throw new ChatBotException("is missing.") : setting.ChannelId);
            Check(failures, $"{prefix}:Time", () => DailyThreadScheduleParser.ParseTime(setting.Time));
            Check(failures, $"{prefix}:TimeZone", () => DailyThreadScheduleParser.ParseTimeZone(setting.TimeZone));
            Check(failures, $"{prefix}:Top", () => DailyThreadScheduleParser.ParseTop(setting.Top));
            Check(failures, $"{prefix}:Filter", () => DailyThreadScheduleParser.ParseFilter(setting.Filter));
            for (var d = 0; d < setting.Weekdays.Count; d++)
            {
                var day = setting.Weekdays[d];
                Check(failures, $"{prefix}:Weekdays:{d}", () => DailyThreadScheduleParser.ParseWeekday(day));
            }

            if (!channels.Add($"{setting.Platform}:{setting.ChannelId}".ToUpperInvariant()))
            {
                failures.Add($"{prefix}:ChannelId {setting.ChannelId} has a daily thread already; one per channel.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, Func<object?> parse)
    {
        try
        {
            parse();
        }
        catch (ChatBotException e)
        {
            failures.Add($"{key} {e.Message}");
        }
    }
}
