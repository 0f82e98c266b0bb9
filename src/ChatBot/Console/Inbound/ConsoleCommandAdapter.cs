using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using Spectre.Console;

namespace ChatBot.Console.Inbound;

/// <summary>
/// The console's command adapter: one line typed in the console (or given to <c>ask</c>) goes to Core's
/// <see cref="CommandInvoker"/>, which waits as long as the command takes, and the reply is printed. <c>more</c>
/// runs the last reply's <see cref="Reply.NextPage"/>. The console user is the bot's operator, so always an admin.
/// </summary>
internal sealed class ConsoleCommandAdapter(CommandInvoker invoker, IAnsiConsole console)
{
    private const string More = "more";

    private static readonly Caller Operator = new(ConsoleChatPlatform.PlatformName, new ChatUser(ConsoleChatPlatform.PlatformName, Environment.UserName))
    {
        ChannelId = ConsoleChatPlatform.PlatformName,
        IsAdmin = true,
    };

    private Reply? _last;

    public async Task<Reply> RunAsync(string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (string.Equals(text, More, StringComparison.OrdinalIgnoreCase))
        {
            if (_last?.NextPage is not { } next)
            {
                return Show(Reply.Error("Nothing to continue: 'more' shows the next page of the last search."));
            }

            text = next;
        }

        var reply = await invoker.RunAsync(Operator, CommandInput.FromLine(text), cancellationToken);
        if (reply.NextPage is not null || !reply.IsError)
        {
            _last = reply;
        }

        return Show(reply);
    }

    private Reply Show(Reply reply)
    {
        ConsoleReplyRenderer.Render(console, reply);
        return reply;
    }
}
