using System.Globalization;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.Alerts;

/// <summary><c>/alerts list</c>: the caller's alerts with ids, queries, dates, matches and pauses.</summary>
internal sealed class AlertsListCommand(IAlertStore store) : ICommandHandler
{
    public string Command => CommandCatalog.AlertsCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.Alerts.FindSubcommand("list")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mine = await UserAlerts.OfAsync(store, context.Request, cancellationToken);
        if (mine.Count == 0)
        {
            return Reply.Message("You have no alerts. Add one: /alerts add diffusion transformer -survey", ReplyVisibility.Private);
        }

        var digest = (await store.GetSettingsAsync(context.Request.Caller.Platform, context.Request.Caller.User.Id, cancellationToken)).Digest;
        var lines = mine.OrderBy(a => a.CreatedAt).Select(a => string.Create(CultureInfo.InvariantCulture,
            $"{a.Id}. \u201c{a.Query}\u201d \u2014 since {a.CreatedAt:yyyy-MM-dd}, {a.Matches} paper{(a.Matches == 1 ? "" : "s")} sent{(a.PausedReason is { } reason ? $", paused: {reason}" : "")}"));
        return new Reply
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Your alerts ({mine.Count} of {AlertLimits.MaxAlertsPerUser})"),
            Text = [string.Join('\n', lines)],
            Footer = $"Papers come {digest} (change with /alerts digest).",
            Visibility = ReplyVisibility.Private,
        };
    }
}
