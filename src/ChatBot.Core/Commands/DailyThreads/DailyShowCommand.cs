using System.Globalization;
using ChatBot.Core.DailyThreads;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.DailyThreads;

/// <summary><c>/papers-admin daily show</c>: the schedule, the last thread, and why it is paused or failing.</summary>
internal sealed class DailyShowCommand(DailyThreadScheduleCatalog catalog, IPostLog postLog, TimeProvider clock) : ICommandHandler
{
    private const int DaysLookedBack = 7;

    public string Command => CommandCatalog.PapersAdminCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.PapersAdmin.FindSubcommand("daily show")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = DailyThreadChannel.IdOf(context.Request);
        var schedule = await catalog.FindAsync(id, cancellationToken);
        if (schedule is null)
        {
            return Reply.Message("This channel has no daily thread. Set one with /papers-admin daily set 09:00 Europe/Berlin.", ReplyVisibility.Private);
        }

        var now = clock.GetUtcNow();
        var text = new List<string> { "Daily thread: " + DailyThreadChannel.Describe(schedule, now) };
        if (catalog.IsConfigured(id))
        {
            text.Add("It comes from the bot's configuration (DailyThreads:Schedules).");
        }

        var zone = DailyThreadScheduleClock.FindTimeZone(schedule.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var date = today; date > today.AddDays(-DaysLookedBack); date = date.AddDays(-1))
        {
            if (await postLog.FindAsync(id, date, cancellationToken) is { } record)
            {
                text.Add(LastPost(record));
                break;
            }
        }

        return new Reply { Text = text, Visibility = ReplyVisibility.Private };
    }

    private static string LastPost(DailyThreadRecord record)
    {
        var day = record.LocalDate.ToString("ddd d MMM", CultureInfo.InvariantCulture);
        return record.State switch
        {
            DailyThreadState.Completed when record.Papers.Count == 0 => $"Last: {day}, nothing qualified.",
            DailyThreadState.Completed => string.Create(CultureInfo.InvariantCulture, $"Last thread: {day}, {record.Papers.Count} papers."),
            DailyThreadState.Skipped => $"Last: {day} was skipped ({record.Note}).",
            _ when record.LastError is { } error => string.Create(CultureInfo.InvariantCulture, $"{day}: failing ({record.Failures} attempts so far, last error {error}); retried automatically."),
            _ => string.Create(CultureInfo.InvariantCulture, $"{day}: being posted ({record.RepliesSent} of {record.Papers.Count} papers)."),
        };
    }
}
