using System.Collections.Concurrent;
using ChatBot.Core;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Platform;

/// <summary>
/// The one adapter both receiving paths (HTTP endpoints and Socket Mode) share: a slash command or a
/// button click becomes a <see cref="CommandRequest"/> in the console's text grammar, Core's
/// <see cref="CommandRouter"/> answers, and the <see cref="Reply"/> is rendered as Block Kit.
/// </summary>
/// <remarks>
/// Slack wants an answer within 3 s. A slash command answered within <see cref="SlackOptions.InlineReplyBudget"/>
/// goes back inline (the HTTP body or the Socket Mode ack); a slower one is acknowledged empty and its
/// reply is posted to <c>response_url</c> when ready. A button click ("More results") is acknowledged at
/// once and answered through <c>response_url</c>: a reply for the channel replaces the message the
/// button was on (paging in place), while a private reply (an error, help) comes as a new ephemeral
/// message to the person who clicked and leaves the original alone.
/// </remarks>
internal sealed class SlackCommandDispatcher(
    CommandRouter router,
    SlackApiClient api,
    IOptions<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackCommandDispatcher> logger) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _background = new();

    /// <summary>Runs a slash command to the end and renders its reply.</summary>
    public async Task<SlackMessage> HandleSlashCommandAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        CommandRequest request;
        try
        {
            request = TextCommandParser.ParseArguments(CommandName(command.Command), command.Text);
        }
        catch (ChatBotException e)
        {
            return SlackReplyRenderer.Render(Reply.Error(e.Message));
        }

        var reply = await router.HandleAsync(Identify(request, command.UserId, command.UserName, command.ChannelId, command.TeamId), cancellationToken);
        return SlackReplyRenderer.Render(reply);
    }

    /// <summary>
    /// The reply when it is ready within the inline budget; otherwise null, and the reply is posted to
    /// the command's <c>response_url</c> once it is ready.
    /// </summary>
    public async Task<SlackMessage?> AnswerSlashCommandAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var handling = HandleSlashCommandAsync(command, _stopping.Token);
        try
        {
            return await handling.WaitAsync(options.Value.InlineReplyBudget, timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            Log.SlashCommandDeferred(logger, command.Command, options.Value.InlineReplyBudget);
            Track(FollowUpAsync(handling, command.ResponseUrl));
            return null;
        }
    }

    /// <summary>Starts answering a button click in the background (the click is acknowledged at once).</summary>
    public void StartBlockActions(BlockActionRequest click) => Track(HandleBlockActionsAsync(click, _stopping.Token));

    /// <summary>Answers a button click through its <c>response_url</c>.</summary>
    public async Task HandleBlockActionsAsync(BlockActionRequest click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        if (click.Actions.FirstOrDefault(a => !string.IsNullOrWhiteSpace(a.Value)) is not { Value: { } value })
        {
            return;
        }

        Reply reply;
        try
        {
            var request = Identify(TextCommandParser.Parse(value), click.UserId, click.UserName, click.ChannelId, click.TeamId);
            reply = await router.HandleAsync(request, cancellationToken);
        }
        catch (ChatBotException e)
        {
            reply = Reply.Error(e.Message);
        }

        if (click.ResponseUrl is null)
        {
            Log.NoResponseUrl(logger, "block_actions");
            return;
        }

        var message = SlackReplyRenderer.Render(reply);
        await api.PostToResponseUrlAsync(click.ResponseUrl, ResponseUrlMessage.From(message, replaceOriginal: !message.Ephemeral), cancellationToken);
    }

    /// <summary>Waits for every background answer started so far (for tests and orderly shutdown).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_background.Keys);

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private CommandRequest Identify(CommandRequest request, string userId, string? userName, string? channelId, string? teamId) => request with
    {
        Platform = SlackPlatform.PlatformName,
        User = new ChatUser(userId, userName),
        ChannelId = channelId,
        GuildId = teamId,
        IsAdmin = options.Value.AdminUserIds.Contains(userId, StringComparer.Ordinal),
    };

    private async Task FollowUpAsync(Task<SlackMessage> handling, Uri? responseUrl)
    {
        var message = await handling;
        if (responseUrl is null)
        {
            Log.NoResponseUrl(logger, "slash_commands");
            return;
        }

        await api.PostToResponseUrlAsync(responseUrl, ResponseUrlMessage.From(message), _stopping.Token);
    }

    private void Track(Task work)
    {
        var guarded = GuardAsync(work);
        _background[guarded] = true;
        _ = guarded.ContinueWith(t => _background.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task GuardAsync(Task work)
    {
        try
        {
            await work;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (ChatPlatformException e)
        {
            Log.ResponseUrlFailed(logger, e.Code, e);
        }
#pragma warning disable CA1031 // A background answer that fails is logged; nothing else is waiting for it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.ResponseUrlFailed(logger, "unexpected", e);
        }
    }

    private static string CommandName(string command)
    {
        var name = command.TrimStart('/');
        return name.Length > 0 ? name : CommandCatalog.PapersCommand;
    }
}
