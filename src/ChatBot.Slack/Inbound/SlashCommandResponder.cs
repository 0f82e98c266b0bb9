using ChatBot.Core.Commands;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// How one slash command is answered: the first answer is what its acknowledgement carries (the rendered reply, or
/// nothing when deferred); a deferred reply goes to <c>response_url</c>.
/// </summary>
internal sealed class SlashCommandResponder(Uri? responseUrl, SlackApiClient api, ILogger logger) : ICommandResponder
{
    /// <summary>True once the acknowledgement's content is known: <see cref="Acknowledgement"/>.</summary>
    public bool Acknowledged { get; private set; }

    /// <summary>The message the acknowledgement carries; null when the reply comes later through <c>response_url</c>.</summary>
    public SlackMessage? Acknowledgement { get; private set; }

    public Task ReplyAsync(Reply reply, CancellationToken cancellationToken)
    {
        Acknowledgement = SlackReplyRenderer.Render(reply);
        Acknowledged = true;
        return Task.CompletedTask;
    }

    public Task DeferAsync(ReplyVisibility visibility, CancellationToken cancellationToken)
    {
        Acknowledged = true;
        return Task.CompletedTask;
    }

    public async Task FollowUpAsync(Reply reply, CancellationToken cancellationToken)
    {
        if (responseUrl is null)
        {
            Log.NoResponseUrl(logger, "slash_commands");
            return;
        }

        await api.PostToResponseUrlAsync(responseUrl, ResponseUrlMessage.From(SlackReplyRenderer.Render(reply)), cancellationToken);
    }
}
