namespace ChatBot.Core.Commands;

/// <summary>
/// What someone asked, as the platform delivered it: a line in the text grammar (typed in the console, a button's
/// command), the text after a command the platform names apart (a slash command's text), a request the platform
/// already took apart (options by name), or a reply known without running anything (a button that has expired).
/// <see cref="CommandInvoker"/> turns it into a request, or into an error reply when the text does not parse.
/// </summary>
public sealed class CommandInput
{
    private readonly string? _command;
    private readonly string? _text;
    private readonly CommandRequest? _request;
    private readonly Reply? _reply;

    private CommandInput(string? command, string? text, CommandRequest? request, Reply? reply)
    {
        _command = command;
        _text = text;
        _request = request;
        _reply = reply;
    }

    /// <summary>A whole command line (<c>/papers search diffusion</c>, or just <c>search diffusion</c>).</summary>
    public static CommandInput FromLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(null, line, null, null);
    }

    /// <summary>The text after <paramref name="command"/> (<c>search diffusion</c> after <c>/papers</c>); a leading slash is dropped.</summary>
    public static CommandInput FromArguments(string command, string arguments)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(arguments);
        var name = command.TrimStart('/');
        return new(name.Length > 0 ? name : CommandCatalog.PapersCommand, arguments, null, null);
    }

    public static CommandInput FromRequest(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(null, null, request, null);
    }

    /// <summary>A reply to give without running a command.</summary>
    public static CommandInput FromReply(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return new(null, null, null, reply);
    }

    /// <summary>The request to run, or else the reply to give (a text that does not parse gets its error).</summary>
    public (CommandRequest? Request, Reply? Reply) Resolve()
    {
        if (_request is not null || _reply is not null)
        {
            return (_request, _reply);
        }

        try
        {
            return (_command is null ? TextCommandParser.Parse(_text!) : TextCommandParser.ParseArguments(_command, _text!), null);
        }
        catch (ChatBotException e)
        {
            return (null, Reply.Error(e.Message));
        }
    }
}
