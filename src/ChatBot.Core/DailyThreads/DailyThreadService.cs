using ChatBot.Core.Chat;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;
using ChatBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.DailyThreads;

/// <summary>
/// Posts every due daily thread, once. For each schedule and each local day whose time has passed,
/// the post log decides: nothing when the day is done; a skip when the bot was down past the catch-up
/// window; otherwise choose the papers, record them, post the parent (recording the thread), then each
/// reply (recording each), then mark the day done. A crash anywhere resumes from the last record, in
/// the same thread. A failing channel backs off on its own and never holds up the others; a channel
/// failing permanently is paused. The one gap: a message the platform accepted just before a crash, and
/// before its record was saved, is posted again on resume.
/// </summary>
public sealed class DailyThreadService(
    IDailyThreadScheduleSource schedules,
    IPostLog postLog,
    DailyThreadComposer composer,
    ChatPlatforms platforms,
    ChatBotMetrics metrics,
    TimeProvider clock,
    IOptions<DailyThreadOptions> options,
    ILogger<DailyThreadService> logger)
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        foreach (var schedule in await schedules.ListAsync(cancellationToken))
        {
            if (schedule.PausedReason is not null)
            {
                continue;
            }

            try
            {
                await RunScheduleAsync(schedule, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // One schedule's failure is logged and retried; it must not stop the others.
            catch (Exception e)
#pragma warning restore CA1031
            {
                metrics.DailyThreadFailed(schedule.Platform);
                Log.DailyThreadScheduleFailed(logger, schedule.Id, e);
            }
        }
    }

    private async Task RunScheduleAsync(DailyThreadSchedule schedule, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var days = DailyThreadScheduleClock.PassedDays(schedule, now);
        foreach (var day in days)
        {
            var record = await postLog.FindAsync(schedule.Id, day.LocalDate, cancellationToken);
            if (record is { State: DailyThreadState.Completed or DailyThreadState.Skipped })
            {
                continue;
            }

            if (record is null)
            {
                if (now - day.DueAt > options.Value.CatchUpWindow)
                {
                    if (day != days[^1])
                    {
                        // Yesterday only matters while it can be caught up; a stale yesterday is not news.
                        continue;
                    }

                    await postLog.SaveAsync(new DailyThreadRecord
                    {
                        ScheduleId = schedule.Id,
                        LocalDate = day.LocalDate,
                        State = DailyThreadState.Skipped,
                        Note = $"the bot was not running at {day.DueAt:u} nor within the catch-up window",
                    }, cancellationToken);
                    Log.DailyThreadSkipped(logger, schedule.Id, day.LocalDate, day.DueAt);
                    continue;
                }

                record = await PlanAsync(schedule, day, now, cancellationToken);
                if (record.State == DailyThreadState.Completed)
                {
                    continue;
                }
            }

            if (record.RetryAt is { } retryAt && retryAt > now)
            {
                continue;
            }

            await PostAsync(schedule, record, now, cancellationToken);
        }
    }

    private async Task<DailyThreadRecord> PlanAsync(DailyThreadSchedule schedule, ScheduledDay day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var posted = await postLog.PostedPapersAsync(schedule.Id, cancellationToken);
        var chosen = await composer.ChooseAsync(schedule, now, posted, cancellationToken);
        var record = new DailyThreadRecord
        {
            ScheduleId = schedule.Id,
            LocalDate = day.LocalDate,
            Papers = [.. chosen.Select(r => r.Paper.Id)],
        };
        if (chosen.Count == 0)
        {
            Log.DailyThreadQuiet(logger, schedule.Id, day.LocalDate, schedule.Filter ?? "(none)");
            record = record with { State = options.Value.PostQuietDayNote ? DailyThreadState.Started : DailyThreadState.Completed, Note = "nothing qualified" };
        }

        await postLog.SaveAsync(record, cancellationToken);
        return record;
    }

    private async Task PostAsync(DailyThreadSchedule schedule, DailyThreadRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var platform = platforms.Find(schedule.Platform)
            ?? throw new ChatBotException($"Daily thread {schedule.Id}: the platform '{schedule.Platform}' is not configured.");
        try
        {
            if (record.Papers.Count == 0)
            {
                await platform.PostMessageAsync(schedule.ChannelId, DailyThreadMessages.QuietDay(record.LocalDate), cancellationToken);
                await postLog.SaveAsync(record with { State = DailyThreadState.Completed, RetryAt = null }, CancellationToken.None);
                metrics.DailyThreadSent(schedule.Platform);
                return;
            }

            var papers = await LoadPapersAsync(record, now, cancellationToken);
            if (record.Thread is null)
            {
                var parent = DailyThreadMessages.Parent(record.LocalDate, papers, options.Value.FreshWindow);
                var thread = await platform.StartThreadAsync(schedule.ChannelId, parent, DailyThreadMessages.Title(record.LocalDate), cancellationToken);
                record = record with { Thread = thread };
                // What was sent is recorded even when stopping: the next start must not send it again.
                await postLog.SaveAsync(record, CancellationToken.None);
            }

            for (var i = record.RepliesSent; i < papers.Count; i++)
            {
                await platform.ReplyInThreadAsync(record.Thread!, DailyThreadMessages.Paper(papers[i], i + 1), cancellationToken);
                record = record with { RepliesSent = i + 1 };
                await postLog.SaveAsync(record, CancellationToken.None);
            }

            await postLog.SaveAsync(record with { State = DailyThreadState.Completed, Failures = 0, LastError = null, RetryAt = null }, CancellationToken.None);
            metrics.DailyThreadSent(schedule.Platform);
            Log.DailyThreadCompleted(logger, schedule.Id, record.LocalDate, papers.Count);
        }
        catch (ChatPlatformException e)
        {
            await RecordFailureAsync(schedule, record, e, now, cancellationToken);
        }
    }

    // The papers as they are now (upvotes change), in the order chosen; explanations are recomputed.
    private async Task<IReadOnlyList<TrendingResult>> LoadPapersAsync(DailyThreadRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var papers = await composer.LoadAsync(record.Papers, now, cancellationToken);
        return papers.Count == record.Papers.Count
            ? papers
            : throw new ChatBotException($"Daily thread {record.ScheduleId} {record.LocalDate}: {record.Papers.Count - papers.Count} chosen papers are no longer in the database.");
    }

    private async Task RecordFailureAsync(DailyThreadSchedule schedule, DailyThreadRecord record, ChatPlatformException error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failures = record.Failures + 1;
        // Not jittered: the worker's one-minute tick takes the retry anyway, and one process posts each schedule.
        var delay = new Resilience.Backoff(options.Value.RetryDelay, MaxRetryDelay, Resilience.Backoff.NoJitter).Delay(failures);
        await postLog.SaveAsync(record with { Failures = failures, LastError = $"{error.Code}: {error.Message}", RetryAt = now + delay }, cancellationToken);
        metrics.DailyThreadFailed(schedule.Platform);
        Log.DailyThreadFailed(logger, schedule.Id, record.LocalDate, error.Platform, error.Code, error.Message, failures, delay);
        if (error.IsPermanent && failures >= options.Value.PauseAfterFailures)
        {
            var reason = $"{failures} failures in a row, the last: {error.Platform} {error.Code} {error.Message}";
            await schedules.PauseAsync(schedule, reason, cancellationToken);
            Log.DailyThreadSchedulePaused(logger, schedule.Id, reason);
        }
    }
}
