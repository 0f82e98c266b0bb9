using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Slack.Platform;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Slack's command adapter, shared by the HTTP endpoints and Socket Mode: a slash command or a button click becomes
/// a <see cref="Caller"/> and a <see cref="CommandInput"/> in the text grammar, Core's <see cref="CommandInvoker"/>
/// answers, and the <see cref="Reply"/> is rendered as Block Kit.
/// </summary>
/// <remarks>
/// Slack wants an answer within 3 s. A slash command answered within <see cref="SlackOptions.InlineReplyBudget"/> of
/// its arrival goes back inline (the HTTP body or the Socket Mode ack); a slower one is acknowledged empty and its
/// reply posted to <c>response_url</c> when ready (<see cref="SlashCommandResponder"/>). A button click ("More
/// results") is acknowledged at once and answered through <c>response_url</c> (<see cref="BlockActionResponder"/>).
/// </remarks>
internal sealed class SlackCommandAdapter(
    CommandInvoker invoker,
    SlackApiClient api,
    IOptions<SlackOptions> options,
    ILogger<SlackCommandAdapter> logger)
{
    /// <summary>Said when an admin command is refused: who counts as an admin here.</summary>
    public const string AdminHint = "your Slack user id must be listed in the bot's Slack:AdminUserIds setting.";

    /// <summary>
    /// Answers a slash command received at <paramref name="receivedAt"/> (a <see cref="TimeProvider"/> timestamp): the
    /// reply when it is ready within the inline budget; otherwise null, and the reply is posted to the command's
    /// <c>response_url</c> once it is ready. <see cref="OperationCanceledException"/> when the bot stops before either.
    /// </summary>
    public async Task<SlackMessage?> AnswerSlashCommandAsync(SlashCommand command, long receivedAt)
    {
        ArgumentNullException.ThrowIfNull(command);
        var responder = new SlashCommandResponder(command.ResponseUrl, api, logger);
        await invoker.AnswerAsync(
            CallerOf(command.UserId, command.UserName, command.ChannelId, command.TeamId),
            CommandInput.FromArguments(command.Command, command.Text),
            new ReplyBudget(receivedAt, options.Value.InlineReplyBudget),
            responder);
        return responder.Acknowledged
            ? responder.Acknowledgement
            : throw new OperationCanceledException("The bot is stopping; the slash command was not answered.");
    }

    /// <summary>
    /// Answers a button click through its <c>response_url</c>; the click itself is acknowledged at once by the caller.
    /// Completes when the command is under way.
    /// </summary>
    public Task AnswerBlockActionsAsync(BlockActionRequest click, long receivedAt)
    {
        ArgumentNullException.ThrowIfNull(click);
        if (click.Actions.FirstOrDefault(a => !string.IsNullOrWhiteSpace(a.Value)) is not { Value: { } value })
        {
            return Task.CompletedTask;
        }

        // No budget: Slack's acknowledgement of a click carries no message.
        return invoker.AnswerAsync(
            CallerOf(click.UserId, click.UserName, click.ChannelId, click.TeamId),
            CommandInput.FromLine(value),
            new ReplyBudget(receivedAt, TimeSpan.Zero),
            new BlockActionResponder(click.ResponseUrl, api, logger));
    }

    private Caller CallerOf(string userId, string? userName, string? channelId, string? teamId) =>
        new(SlackPlatform.PlatformName, new ChatUser(userId, userName))
        {
            ChannelId = channelId,
            WorkspaceId = teamId,
            IsAdmin = options.Value.AdminUserIds.Contains(userId, StringComparer.Ordinal),
            AdminHint = AdminHint,
        };
}
