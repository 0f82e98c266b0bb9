using ChatBot.Core.Alerts;
using ChatBot.Core.Storage;

namespace ChatBot.Core.Commands.Alerts;

/// <summary>The caller's own alerts: every lookup by id is checked against who asks.</summary>
internal static class UserAlerts
{
    public static Task<IReadOnlyList<Alert>> OfAsync(IAlertStore store, CommandRequest request, CancellationToken cancellationToken) =>
        store.ListForUserAsync(request.Caller.Platform, request.Caller.User.Id, cancellationToken);

    /// <summary>The caller's alerts named by <paramref name="idOrAll"/>: one id, or <c>all</c>.</summary>
    public static async Task<IReadOnlyList<Alert>> SelectAsync(IAlertStore store, CommandRequest request, string idOrAll, CancellationToken cancellationToken)
    {
        var mine = await OfAsync(store, request, cancellationToken);
        if (string.Equals(idOrAll.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            return mine;
        }

        var id = idOrAll.Trim().TrimStart('#');
        // Someone else's id gets the same answer as a missing one: ids are not a way to probe.
        return mine.FirstOrDefault(a => a.Id == id) is { } alert
            ? [alert]
            : throw new ChatBotException($"You have no alert {idOrAll.Trim()}. /alerts list shows yours.");
    }
}
