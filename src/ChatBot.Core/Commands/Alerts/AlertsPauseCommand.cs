using System.Globalization;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.Alerts;

/// <summary><c>/alerts pause &lt;id|all&gt;</c> and <c>/alerts resume &lt;id|all&gt;</c> (one handler per subcommand).</summary>
internal sealed class AlertsPauseCommand(IAlertStore store, bool resume) : ICommandHandler
{
    public string Command => CommandCatalog.AlertsCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.Alerts.FindSubcommand(resume ? "resume" : "pause")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var selected = await UserAlerts.SelectAsync(store, context.Request, context.Arguments.RequiredText("id"), cancellationToken);
        if (selected.Count == 0)
        {
            return Reply.Message("You have no alerts.", ReplyVisibility.Private);
        }

        foreach (var alert in selected)
        {
            await store.SaveAsync(alert with { PausedReason = resume ? null : "paused by you" }, cancellationToken);
        }

        var what = selected.Count == 1 ? $"Alert {selected[0].Id}" : string.Create(CultureInfo.InvariantCulture, $"{selected.Count} alerts");
        return Reply.Message($"{what} {(resume ? "resumed" : "paused")}.", ReplyVisibility.Private);
    }
}
