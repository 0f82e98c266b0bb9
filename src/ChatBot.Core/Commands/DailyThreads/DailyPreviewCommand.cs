using ChatBot.Core.DailyThreads;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.DailyThreads;

/// <summary>
/// <c>/papers-admin daily preview</c>: the papers the next thread would post if it were due now, privately.
/// A channel without a schedule is previewed with the defaults (the top 5, no filter), so an admin can look
/// before setting one.
/// </summary>
internal sealed class DailyPreviewCommand(DailyThreadScheduleCatalog catalog, IPostLog postLog, DailyThreadComposer composer, TimeProvider clock) : ICommandHandler
{
    private const string HowToSet = "Set a schedule with /papers-admin daily set 09:00 Europe/Berlin [--top n] [--filter query].";

    public string Command => CommandCatalog.PapersAdminCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.PapersAdmin.FindSubcommand("daily preview")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var id = DailyThreadChannel.IdOf(request);
        var now = clock.GetUtcNow();
        var stored = await catalog.FindAsync(id, cancellationToken);
        var schedule = stored ?? Defaults(request, now);
        var posted = await postLog.PostedPapersAsync(id, cancellationToken);
        var chosen = await composer.ChooseAsync(schedule, now, posted, cancellationToken);
        var zone = DailyThreadScheduleClock.FindTimeZone(schedule.TimeZoneId);
        var next = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DailyThreadChannel.NextDue(schedule, now), zone).DateTime);
        var defaults = stored is null
            ? $"This channel has no daily thread yet, so this preview uses the defaults: the top {schedule.Top} trending papers, no filter. {HowToSet}"
            : null;
        if (chosen.Count == 0)
        {
            var none = "Preview: no paper qualifies right now (nothing fresh, or nothing matching the filter that this channel has not had).";
            return new Reply { Text = defaults is null ? [none] : [none, defaults], Visibility = ReplyVisibility.Private };
        }

        return new Reply
        {
            Title = "Preview \u2014 " + DailyThreadMessages.Title(next),
            Text = defaults is null
                ? ["If the thread were posted now, it would hold these papers (chosen again at posting time):"]
                : [defaults, "If it were posted now, it would hold these papers (chosen again at posting time):"],
            Papers = [.. chosen.Select((r, i) => new PaperCard(r.Paper, CardDetail.Brief, r.Explanation) { Rank = i + 1 })],
            Visibility = ReplyVisibility.Private,
        };
    }

    // What daily set gives when only a time and zone are typed; the time only dates the preview's title.
    private static DailyThreadSchedule Defaults(CommandRequest request, DateTimeOffset now) => new()
    {
        Platform = request.Caller.Platform,
        ChannelId = request.Caller.ChannelId!,
        LocalTime = TimeOnly.FromDateTime(now.UtcDateTime).AddMinutes(1),
        TimeZoneId = "UTC",
    };
}
