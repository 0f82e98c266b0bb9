using ChatBot.Core.DailyThreads;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.DailyThreads;

/// <summary><c>/papers-admin daily set &lt;time&gt; &lt;timezone&gt; [--top n] [--filter query]</c> for the channel it runs in.</summary>
internal sealed class DailySetCommand(IScheduleStore store, TimeProvider clock) : ICommandHandler
{
    public string Command => CommandCatalog.PapersAdminCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.PapersAdmin.FindSubcommand("daily set")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        _ = DailyThreadChannel.IdOf(request);
        var schedule = new DailyThreadSchedule
        {
            Platform = request.Caller.Platform,
            ChannelId = request.Caller.ChannelId!,
            LocalTime = DailyThreadScheduleParser.ParseTime(context.Arguments.RequiredText("time")),
            TimeZoneId = DailyThreadScheduleParser.ParseTimeZone(context.Arguments.RequiredText("timezone")),
            Top = DailyThreadScheduleParser.ParseTop(context.Arguments.Number("top", Definition)),
            Filter = DailyThreadScheduleParser.ParseFilter(context.Arguments.Text("filter")),
        };
        await store.SaveAsync(schedule, cancellationToken);
        return Reply.Message("Daily thread set for this channel: " + DailyThreadChannel.Describe(schedule, clock.GetUtcNow()), ReplyVisibility.Private);
    }
}
