using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.Alerts;

/// <summary>
/// <c>/alerts remove &lt;id&gt;</c>: only the caller's own alert. Removing the last one also drops the papers
/// still waiting to be sent: someone with no alerts gets no alert messages.
/// </summary>
internal sealed class AlertsRemoveCommand(IAlertStore store, IDeliveryLog deliveries) : ICommandHandler
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
        if ((await UserAlerts.OfAsync(store, context.Request, cancellationToken)).Count == 0)
        {
            await deliveries.DropPendingAsync(alert.Platform, alert.UserId, "the user removed their last alert", cancellationToken);
        }

        return Reply.Message($"Alert {alert.Id} (\u201c{alert.Query}\u201d) removed.", ReplyVisibility.Private);
    }
}
