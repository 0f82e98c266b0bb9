using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.Alerts;

/// <summary><c>/alerts remove &lt;id&gt;</c>: only the caller's own alert.</summary>
internal sealed class AlertsRemoveCommand(IAlertStore store) : ICommandHandler
{
    public string Command => CommandCatalog.AlertsCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.Alerts.FindSubcommand("remove")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Arguments.RequiredText("id");
        if (string.Equals(id.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            throw new ChatBotException("/alerts remove takes one id at a time; /alerts list shows them.");
        }

        var alert = (await UserAlerts.SelectAsync(store, context.Request, id, cancellationToken))[0];
        await store.RemoveAsync(alert.Id, cancellationToken);
        return Reply.Message($"Alert {alert.Id} (\u201c{alert.Query}\u201d) removed.", ReplyVisibility.Private);
    }
}
