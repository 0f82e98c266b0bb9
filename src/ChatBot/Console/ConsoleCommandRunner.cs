using ChatBot.Core;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using Spectre.Console;

namespace ChatBot.Console;

/// <summary>
/// Runs one line typed in the console (or given to <c>ask</c>) through the same router every
/// platform uses and prints the reply. <c>more</c> repeats the last reply's "More results" button.
/// The console user is the bot's operator, so it is always an admin.
/// </summary>
internal sealed class ConsoleCommandRunner(CommandRouter router, IAnsiConsole console)
{
    private Reply? _last;

    public async Task<Reply> RunAsync(string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (string.Equals(text, "more", StringComparison.OrdinalIgnoreCase))
        {
            var more = _last?.Actions.FirstOrDefault(a => a.Label.StartsWith("More", StringComparison.Ordinal));
            if (more is null)
            {
                return Show(Reply.Error("Nothing to continue: 'more' shows the next page of the last search."));
            }

            text = more.Command;
        }

        CommandRequest request;
        try
        {
            request = TextCommandParser.Parse(text) with
            {
                Platform = ConsoleChatPlatform.PlatformName,
                User = new ChatUser(ConsoleChatPlatform.PlatformName, Environment.UserName),
                ChannelId = ConsoleChatPlatform.PlatformName,
                IsAdmin = true,
            };
        }
        catch (ChatBotException e)
        {
            return Show(Reply.Error(e.Message));
        }

        var reply = await router.HandleAsync(request, cancellationToken);
        if (reply.Actions.Count > 0 || !reply.IsError)
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
