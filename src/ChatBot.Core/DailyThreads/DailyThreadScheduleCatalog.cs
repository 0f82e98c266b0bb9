using ChatBot.Core.Chat;
using ChatBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.DailyThreads;

/// <summary>
/// The schedules in force: those of the configuration, replaced channel by channel by those set
/// with admin commands (an admin's change, or a pause, is the newer word). Pausing stores the
/// paused schedule, so a configured channel stays paused across restarts until an admin sets it again.
/// </summary>
public sealed class DailyThreadScheduleCatalog(IScheduleStore store, IOptions<DailyThreadSchedulesOptions> configured, ChatPlatforms platforms) : IDailyThreadScheduleSource
{
    public async Task<IReadOnlyList<DailyThreadSchedule>> ListAsync(CancellationToken cancellationToken)
    {
        var schedules = configured.Value.Select(setting => DailyThreadScheduleParser.FromSetting(setting, platforms)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var stored in await store.ListAsync(cancellationToken))
        {
            schedules[stored.Id] = stored;
        }

        return [.. schedules.Values];
    }

    public async Task<DailyThreadSchedule?> FindAsync(string scheduleId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(s => s.Id == scheduleId);

    public Task PauseAsync(DailyThreadSchedule schedule, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return store.SaveAsync(schedule with { PausedReason = reason }, cancellationToken);
    }

    /// <summary>True when the configuration defines a schedule for this channel.</summary>
    public bool IsConfigured(string scheduleId) =>
        configured.Value.Any(s => string.Equals($"{s.Platform?.Trim().ToLowerInvariant()}:{s.ChannelId?.Trim()}", scheduleId, StringComparison.Ordinal));
}
