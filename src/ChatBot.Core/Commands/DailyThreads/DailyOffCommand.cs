using ChatBot.Core.DailyThreads;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.DailyThreads;

/// <summary>
/// <c>/papers-admin daily off</c>: removes the channel's schedule; one from the configuration is
/// paused instead (the configuration file is the operator's, not the bot's, to change).
/// </summary>
internal sealed class DailyOffCommand(IScheduleStore store, DailyThreadScheduleCatalog catalog) : ICommandHandler
{
    public string Command => CommandCatalog.PapersAdminCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.PapersAdmin.FindSubcommand("daily off")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = DailyThreadChannel.IdOf(context.Request);
        var schedule = await catalog.FindAsync(id, cancellationToken);
        if (schedule is null)
        {
            return Reply.Message("This channel has no daily thread.", ReplyVisibility.Private);
        }

        if (catalog.IsConfigured(id))
        {
            var who = context.Request.Caller.User.DisplayName ?? context.Request.Caller.User.Id;
            await catalog.PauseAsync(schedule, $"turned off by {who}", cancellationToken);
            return Reply.Message("Daily thread turned off. It is defined in the bot's configuration, so it stays listed as paused until the operator removes it there.", ReplyVisibility.Private);
        }

        await store.RemoveAsync(id, cancellationToken);
        return Reply.Message("Daily thread turned off for this channel.", ReplyVisibility.Private);
    }
}
