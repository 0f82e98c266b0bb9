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

        // Changed as stored now, in one transaction: a match counted or an alert removed meanwhile is kept so.
        var changed = await store.UpdateAsync([.. selected.Select(a => a.Id)], a => a with { PausedReason = resume ? null : "paused by you" }, cancellationToken);
        if (changed.Count == 0)
        {
            return Reply.Message("You have no alerts.", ReplyVisibility.Private);
        }

        var what = changed.Count == 1 ? $"Alert {changed[0].Id}" : string.Create(CultureInfo.InvariantCulture, $"{changed.Count} alerts");
        return Reply.Message($"{what} {(resume ? "resumed" : "paused")}.", ReplyVisibility.Private);
    }
}
