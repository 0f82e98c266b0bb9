using System.Globalization;
using ChatBot.Core.Alerts;
using ChatBot.Core.Papers;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.Alerts;

/// <summary><c>/alerts list</c>: the caller's alerts with ids, queries (or the paper an alert by example follows), dates, matches and pauses.</summary>
internal sealed class AlertsListCommand(IAlertStore store, IPaperStore papers) : ICommandHandler
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
        // An alert by example is shown by its paper's title (as stored now); one no longer stored by its id.
        List<PaperId> liked = [.. mine.Select(a => a.Like).OfType<PaperId>().Distinct()];
        var titles = liked.Count == 0
            ? []
            : (await papers.FindManyAsync(liked, cancellationToken)).ToDictionary(p => p.Id, p => LatexText.ToPlain(p.Title));
        var lines = mine.OrderBy(a => a.CreatedAt).Select(a => string.Create(CultureInfo.InvariantCulture,
            $"{a.Id}. {Describe(a, titles)} \u2014 since {a.CreatedAt:yyyy-MM-dd}, {a.Matches} paper{(a.Matches == 1 ? "" : "s")} sent{(a.PausedReason is { } reason ? $", paused: {reason}" : "")}"));
        return new Reply
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Your alerts ({mine.Count} of {AlertLimits.MaxAlertsPerUser})"),
            Text = [string.Join('\n', lines)],
            Footer = $"Papers come {digest} (change with /alerts digest).",
            Visibility = ReplyVisibility.Private,
        };
    }

    private static string Describe(Alert alert, Dictionary<PaperId, string> titles) => alert.Like switch
    {
        { } like when titles.TryGetValue(like, out var title) => $"papers like \u201c{title}\u201d ({like.Value})",
        { } like => $"papers like {like.Value}",
        null => $"\u201c{alert.Query}\u201d",
    };
}
