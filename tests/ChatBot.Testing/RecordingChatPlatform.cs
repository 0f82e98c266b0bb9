using ChatBot.Core.Chat;
using ChatBot.Core.Commands;

namespace ChatBot.Testing;

/// <summary>
/// A chat platform that records every message it is asked to send. <see cref="FailWith"/> makes the
/// next calls to a channel fail (a platform error, or any exception to simulate a crash mid-thread).
/// </summary>
public sealed class RecordingChatPlatform(string name = "discord") : IChatPlatform
{
    private readonly List<SentMessage> _sent = [];
    private readonly Dictionary<string, Func<Exception?>> _failures = [];
    private int _ids;

    public string Name => name;

    public IReadOnlyList<SentMessage> Sent => _sent;

    /// <summary>After <paramref name="afterMessages"/> more successful sends to <paramref name="channelId"/>, every send there throws.</summary>
    public void FailWith(string channelId, Func<Exception> error, int afterMessages = 0)
    {
        var remaining = afterMessages;
        _failures[channelId] = () => remaining-- > 0 ? null : error();
    }

    public void Recover(string channelId) => _failures.Remove(channelId);

    public Task<PostedMessage> PostMessageAsync(string channelId, Reply message, CancellationToken cancellationToken) =>
        Task.FromResult(Record(channelId, null, message, SentKind.Message));

    public Task<ThreadRef> StartThreadAsync(string channelId, Reply parent, string title, CancellationToken cancellationToken)
    {
        var posted = Record(channelId, null, parent, SentKind.ThreadParent);
        return Task.FromResult(new ThreadRef(channelId, posted.MessageId, "thread-" + posted.MessageId));
    }

    public Task<PostedMessage> ReplyInThreadAsync(ThreadRef thread, Reply message, CancellationToken cancellationToken) =>
        Task.FromResult(Record(thread.ChannelId, thread.ThreadId, message, SentKind.ThreadReply));

    public Task<PostedMessage> SendDirectMessageAsync(string userId, Reply message, CancellationToken cancellationToken) =>
        Task.FromResult(Record("dm:" + userId, null, message, SentKind.DirectMessage));

    private PostedMessage Record(string channelId, string? threadId, Reply message, SentKind kind)
    {
        if (_failures.TryGetValue(channelId, out var failure) && failure() is { } error)
        {
            throw error;
        }

        var id = (++_ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _sent.Add(new SentMessage(kind, channelId, threadId, id, message));
        return new PostedMessage(channelId, id);
    }
}
