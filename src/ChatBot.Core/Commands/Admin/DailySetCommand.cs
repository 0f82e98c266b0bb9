using ChatBot.Core.Digest;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.Admin;

/// <summary><c>/papers-admin daily set &lt;time&gt; &lt;timezone&gt; [--top n] [--filter query]</c> for the channel it runs in.</summary>
internal sealed class DailySetCommand(IScheduleStore store, TimeProvider clock) : ICommandHandler
{
    public string Command => CommandCatalog.PapersAdminCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.PapersAdmin.FindSubcommand("daily set")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        _ = ChannelSchedule.IdOf(request);
        var schedule = new DailySchedule
        {
            Platform = request.Caller.Platform,
            ChannelId = request.Caller.ChannelId!,
            LocalTime = DailyScheduleParser.ParseTime(context.Arguments.RequiredText("time")),
            TimeZoneId = DailyScheduleParser.ParseTimeZone(context.Arguments.RequiredText("timezone")),
            Top = DailyScheduleParser.ParseTop(context.Arguments.Number("top", Definition)),
            Filter = DailyScheduleParser.ParseFilter(context.Arguments.Text("filter")),
        };
        await store.SaveAsync(schedule, cancellationToken);
        return Reply.Message("Daily thread set for this channel: " + ChannelSchedule.Describe(schedule, clock.GetUtcNow()), ReplyVisibility.Private);
    }
}
