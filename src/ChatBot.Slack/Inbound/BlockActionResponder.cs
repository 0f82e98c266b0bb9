using ChatBot.Core.Commands;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// How one button click is answered: always through its <c>response_url</c> (a click's acknowledgement carries no
/// message). A reply for the channel replaces the message the button was on (paging in place); a private reply (an
/// error, help) comes as a new ephemeral message to the person who clicked and leaves the original alone.
/// </summary>
internal sealed class BlockActionResponder(Uri? responseUrl, SlackApiClient api, ILogger logger) : ICommandResponder
{
    public Task ReplyAsync(Reply reply, CancellationToken cancellationToken) => FollowUpAsync(reply, cancellationToken);

    /// <summary>Nothing to send: the click was acknowledged when it arrived.</summary>
    public Task DeferAsync(ReplyVisibility visibility, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task FollowUpAsync(Reply reply, CancellationToken cancellationToken)
    {
        if (responseUrl is null)
        {
            Log.NoResponseUrl(logger, BlockActionRequest.PayloadType);
            return;
        }

        var message = SlackReplyRenderer.Render(reply);
        await api.PostToResponseUrlAsync(responseUrl, ResponseUrlMessage.From(message, replaceOriginal: !message.Ephemeral), cancellationToken);
    }
}
