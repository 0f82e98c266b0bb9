using ChatBot.Core.Alerts;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.Alerts;

/// <summary><c>/alerts digest instant|daily [time] [timezone]</c>: how the caller's alert papers are delivered.</summary>
internal sealed class AlertsDigestCommand(IAlertStore store) : ICommandHandler
{
    public string Command => CommandCatalog.AlertsCommand;

    public SubcommandDefinition Definition { get; } = CommandCatalog.Alerts.FindSubcommand("digest")!;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var digest = AlertDigest.Parse(context.Arguments.RequiredText("mode"));
        var request = context.Request;
        // Only the choice changes: the date of the last digest sent stays, so today's is not sent twice.
        await store.UpdateSettingsAsync(request.Caller.Platform, request.Caller.User.Id, s => s with { Digest = digest }, cancellationToken);
        return Reply.Message($"Your alert papers will come {digest}.", ReplyVisibility.Private);
    }
}
