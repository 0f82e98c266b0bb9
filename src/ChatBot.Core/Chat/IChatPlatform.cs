using ChatBot.Core.Commands;

namespace ChatBot.Core.Chat;

/// <summary>
/// What Core asks of a chat platform when the bot speaks first (daily threads, alert DMs).
/// Answers to commands go back through the platform's own interaction path instead.
/// Failures the platform reports (unknown channel, cannot DM the user, missing permission) are
/// thrown as <see cref="ChatPlatformException"/>.
/// </summary>
public interface IChatPlatform
{
    /// <summary>The platform name used in configuration and logs (<c>discord</c>, <c>slack</c>, <c>console</c>).</summary>
    string Name { get; }

    Task<PostedMessage> PostMessageAsync(string channelId, Reply message, CancellationToken cancellationToken);

    /// <summary>
    /// Posts <paramref name="parent"/> and opens a thread on it named <paramref name="title"/>
    /// (a forum channel gets a forum post instead).
    /// </summary>
    Task<ThreadRef> StartThreadAsync(string channelId, Reply parent, string title, CancellationToken cancellationToken);

    Task<PostedMessage> ReplyInThreadAsync(ThreadRef thread, Reply message, CancellationToken cancellationToken);

    Task<PostedMessage> SendDirectMessageAsync(string userId, Reply message, CancellationToken cancellationToken);
}
