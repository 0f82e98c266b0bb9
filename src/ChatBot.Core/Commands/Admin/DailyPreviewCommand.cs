using ChatBot.Core.Digest;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.Admin;

/// <summary><c>/papers-admin daily preview</c>: the papers the next thread would post if it were due now, privately.</summary>
internal sealed class DailyPreviewCommand(DailyScheduleCatalog catalog, IPostLog postLog, DailyThreadComposer composer, TimeProvider clock) : ICommandHandler
{
    public string Command => CommandCatalog.PapersAdminCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.PapersAdmin.FindSubcommand("daily preview")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = ChannelSchedule.IdOf(context.Request);
        var schedule = await catalog.FindAsync(id, cancellationToken)
            ?? throw new ChatBotException("This channel has no daily thread to preview. Set one with /papers-admin daily set 09:00 Europe/Berlin.");
        var now = clock.GetUtcNow();
        var posted = await postLog.PostedPapersAsync(id, cancellationToken);
        var chosen = await composer.ChooseAsync(schedule, now, posted, cancellationToken);
        var zone = DailyScheduleClock.FindTimeZone(schedule.TimeZoneId);
        var next = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ChannelSchedule.NextDue(schedule, now), zone).DateTime);
        if (chosen.Count == 0)
        {
            return Reply.Message("Preview: no paper qualifies right now (nothing fresh, or nothing matching the filter that this channel has not had).", ReplyVisibility.Private);
        }

        return new Reply
        {
            Title = "Preview \u2014 " + DailyThreadMessages.Title(next),
            Text = ["If the thread were posted now, it would hold these papers (chosen again at posting time):"],
            Papers = [.. chosen.Select((r, i) => new PaperCard(r.Paper, CardDetail.Brief, r.Explanation) { Rank = i + 1 })],
            Visibility = ReplyVisibility.Private,
        };
    }
}
