using ChatBot.Core.Commands;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Rest;

namespace ChatBot.Discord.Inbound;

/// <summary>
/// How one interaction is answered: the first response through <c>respond</c> (the REST callback, or the HTTP
/// endpoint's response body); after a deferral, the reply as an edit of the original response.
/// </summary>
/// <remarks>
/// A deferral chooses ephemeral or public before the reply exists, as Core says: help, <c>/alerts</c> and
/// <c>/papers-admin</c> defer ephemerally, every other command publicly, so a slow search that ends in a private
/// message (an error, nothing found) shows in the channel.
/// </remarks>
internal sealed class DiscordInteractionResponder(
    string interactionToken,
    Func<InteractionCallback, CancellationToken, Task> respond,
    DiscordReplyRenderer renderer,
    IDiscordRestClient rest) : ICommandResponder
{
    public Task ReplyAsync(Reply reply, CancellationToken cancellationToken) =>
        respond(InteractionCallback.Message(renderer.Render(reply)), cancellationToken);

    public Task DeferAsync(ReplyVisibility visibility, CancellationToken cancellationToken) =>
        respond(InteractionCallback.Defer(visibility == ReplyVisibility.Private), cancellationToken);

    public Task FollowUpAsync(Reply reply, CancellationToken cancellationToken) =>
        rest.EditOriginalResponseAsync(interactionToken, renderer.Render(reply), cancellationToken);
}
