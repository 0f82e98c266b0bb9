using System.Collections.Concurrent;
using System.Globalization;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Papers;
using ChatBot.Discord.Rendering;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace ChatBot.Discord.Platform;

/// <summary>
/// Discord as the workers see it (daily threads, alert DMs): renders each <see cref="Reply"/> with
/// <see cref="DiscordReplyRenderer"/> and posts it through <see cref="IDiscordRestClient"/>.
/// Channel messages are never ephemeral, so a private reply's flag is dropped here. A message about
/// papers whose content names none of them (an alert DM's "3 new papers for your alerts") gets the
/// first paper's title in its content: a push notification shows the content, not the embeds.
/// </summary>
internal sealed class DiscordPlatform(IDiscordRestClient rest, DiscordReplyRenderer renderer, ILogger<DiscordPlatform> logger) : IChatPlatform
{
    public const string PlatformName = "discord";

    /// <summary>Beyond this many users the DM channel cache starts over (Discord returns the same channel again anyway).</summary>
    private const int MaxCachedDirectMessageChannels = 10_000;

    private readonly ConcurrentDictionary<string, string> _directMessageChannels = new(StringComparer.Ordinal);

    public string Name => PlatformName;

    public Task<PostedMessage> PostMessageAsync(string channelId, Reply message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        return rest.CreateMessageAsync(channelId, Render(message), cancellationToken);
    }

    public async Task<ThreadRef> StartThreadAsync(string channelId, Reply parent, string title, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        var payload = Render(parent);
        var kind = await rest.GetChannelKindAsync(channelId, cancellationToken).ConfigureAwait(false);
        if (kind == DiscordChannelKind.Forum)
        {
            var post = await rest.StartForumThreadAsync(channelId, title, payload, cancellationToken).ConfigureAwait(false);
            Log.ThreadStarted(logger, post.ChannelId, channelId, "forum post");
            return new ThreadRef(channelId, post.MessageId, post.ChannelId);
        }

        var posted = await rest.CreateMessageAsync(channelId, payload, cancellationToken).ConfigureAwait(false);
        var threadId = await rest.StartThreadFromMessageAsync(posted.ChannelId, posted.MessageId, title, cancellationToken).ConfigureAwait(false);
        Log.ThreadStarted(logger, threadId, channelId, "thread on a message");
        return new ThreadRef(channelId, posted.MessageId, threadId);
    }

    public Task<PostedMessage> ReplyInThreadAsync(ThreadRef thread, Reply message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return rest.CreateMessageAsync(thread.ThreadId, Render(message), cancellationToken);
    }

    public async Task<PostedMessage> SendDirectMessageAsync(string userId, Reply message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (!_directMessageChannels.TryGetValue(userId, out var channelId))
        {
            channelId = await rest.CreateDirectMessageChannelAsync(userId, cancellationToken).ConfigureAwait(false);
            if (_directMessageChannels.Count >= MaxCachedDirectMessageChannels)
            {
                _directMessageChannels.Clear();
            }

            _directMessageChannels[userId] = channelId;
            Log.DirectMessageChannelOpened(logger, channelId, userId);
        }

        return await rest.CreateMessageAsync(channelId, Render(message), cancellationToken).ConfigureAwait(false);
    }

    private MessagePayload Render(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var payload = renderer.Render(reply) with { Flags = 0 };
        return WithPaperInContent(reply, payload);
    }

    /// <summary>
    /// With no content, a notification shows the first embed's title, which is a paper's: nothing to
    /// add. With content that names no paper (a heading, a count), the first paper's title is added.
    /// </summary>
    private static MessagePayload WithPaperInContent(Reply reply, MessagePayload payload)
    {
        if (payload.Content is not { } content || reply.Papers.Count == 0
            || reply.Papers.Any(card => content.Contains(DiscordMarkdown.Text(PaperText.CollapseWhitespace(card.Paper.Title)), StringComparison.Ordinal)))
        {
            return payload;
        }

        var first = DiscordMarkdown.Text(PaperText.CollapseWhitespace(reply.Papers[0].Paper.Title));
        var more = reply.Papers.Count - 1;
        var line = more == 0 ? first : string.Create(CultureInfo.InvariantCulture, $"{first}, and {more} more");
        return payload with { Content = DiscordMarkdown.Truncate(content + "\n" + line, DiscordReplyRenderer.MaxContentLength) };
    }
}
