using System.Collections.Concurrent;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Platform;

/// <summary>
/// The bot speaking first on Slack (daily threads, alert DMs): Block Kit messages through
/// <c>chat.postMessage</c>; a thread is the parent's <c>ts</c>; a DM opens the conversation once per user.
/// </summary>
internal sealed class SlackPlatform(SlackApiClient api, ILogger<SlackPlatform> logger) : IChatPlatform
{
    public const string PlatformName = "slack";

    private readonly ConcurrentDictionary<string, string> _directChannels = new(StringComparer.Ordinal);

    public string Name => PlatformName;

    public Task<PostedMessage> PostMessageAsync(string channelId, Reply message, CancellationToken cancellationToken) =>
        PostAsync(channelId, message, threadTs: null, cancellationToken);

    /// <summary>Slack threads have no name: <paramref name="title"/> becomes the parent's heading when it has none.</summary>
    public async Task<ThreadRef> StartThreadAsync(string channelId, Reply parent, string title, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var posted = await PostAsync(channelId, parent.Title is null ? parent with { Title = title } : parent, threadTs: null, cancellationToken);
        return new ThreadRef(posted.ChannelId, posted.MessageId, posted.MessageId);
    }

    public Task<PostedMessage> ReplyInThreadAsync(ThreadRef thread, Reply message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return PostAsync(thread.ChannelId, message, thread.ThreadId, cancellationToken);
    }

    public async Task<PostedMessage> SendDirectMessageAsync(string userId, Reply message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!_directChannels.TryGetValue(userId, out var channel))
        {
            channel = await api.OpenConversationAsync(userId, cancellationToken);
            _directChannels[userId] = channel;
            Log.DirectChannelOpened(logger, userId, channel);
        }

        return await PostAsync(channel, message, threadTs: null, cancellationToken);
    }

    private Task<PostedMessage> PostAsync(string channelId, Reply message, string? threadTs, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentNullException.ThrowIfNull(message);
        var rendered = SlackReplyRenderer.Render(message);
        return api.PostMessageAsync(new PostMessageRequest(channelId, rendered.Text, rendered.Blocks, threadTs), cancellationToken);
    }
}
