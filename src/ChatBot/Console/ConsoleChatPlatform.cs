using System.Globalization;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using Spectre.Console;

namespace ChatBot.Console;

/// <summary>
/// The console as a chat platform: what the bot would post to a channel, a thread or a DM is
/// printed, labelled with where it would go. Lets daily threads and alerts be tried without Discord or Slack.
/// </summary>
internal sealed class ConsoleChatPlatform(IAnsiConsole console) : IChatPlatform
{
    public const string PlatformName = "console";

    private int _messages;

    public string Name => PlatformName;

    public Task<PostedMessage> PostMessageAsync(string channelId, Reply message, CancellationToken cancellationToken) =>
        Task.FromResult(Print($"#{channelId}", message, channelId));

    public Task<ThreadRef> StartThreadAsync(string channelId, Reply parent, string title, CancellationToken cancellationToken)
    {
        var posted = Print($"#{channelId}, new thread \u201c{title}\u201d", parent, channelId);
        return Task.FromResult(new ThreadRef(channelId, posted.MessageId, posted.MessageId));
    }

    public Task<PostedMessage> ReplyInThreadAsync(ThreadRef thread, Reply message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return Task.FromResult(Print($"#{thread.ChannelId} \u203a thread {thread.ThreadId}", message, thread.ChannelId));
    }

    public Task<PostedMessage> SendDirectMessageAsync(string userId, Reply message, CancellationToken cancellationToken) =>
        Task.FromResult(Print($"DM to {userId}", message, "dm:" + userId));

    private PostedMessage Print(string where, Reply message, string channelId)
    {
        var id = Interlocked.Increment(ref _messages).ToString(CultureInfo.InvariantCulture);
        console.MarkupLine($"[blue]\u2500\u2500 {Markup.Escape(where)}[/]");
        ConsoleReplyRenderer.Render(console, message);
        return new PostedMessage(channelId, id);
    }
}
