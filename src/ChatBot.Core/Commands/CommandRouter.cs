using System.Diagnostics;
using ChatBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Commands;

/// <summary>
/// Runs a <see cref="CommandRequest"/> from any platform: finds the handler, checks the options
/// against the catalog, and turns failures into replies — a user's mistake into a short private
/// message, anything else into a logged error and a generic apology. It never throws but for cancellation.
/// Every command is counted by name and outcome, and its handler's time measured, in <see cref="ChatBotMetrics"/>.
/// </summary>
public sealed class CommandRouter
{
    private const string UnknownCommand = "unknown";

    private readonly Dictionary<(string Command, string Subcommand), ICommandHandler> _handlers;
    private readonly ChatBotMetrics _metrics;
    private readonly ILogger<CommandRouter> _logger;

    public CommandRouter(IEnumerable<ICommandHandler> handlers, ChatBotMetrics metrics, ILogger<CommandRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _handlers = handlers.ToDictionary(
            h => (h.Command.ToUpperInvariant(), h.Definition.Name.ToUpperInvariant()),
            h => h);
        _metrics = metrics;
        _logger = logger;
    }

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = CommandCatalog.Find(request.Command);
        if (command is null)
        {
            // Labelled "unknown", never with what was typed: metric labels must stay a small, fixed set.
            _metrics.CommandHandled(UnknownCommand, CommandOutcome.UserError, elapsed: null);
            return Reply.Error($"There is no command /{request.Command}. Try /{CommandCatalog.PapersCommand} help.");
        }

        var subcommand = command.FindSubcommand(request.Subcommand);
        if (subcommand is null
            || !_handlers.TryGetValue((command.Name.ToUpperInvariant(), subcommand.Name.ToUpperInvariant()), out var handler))
        {
            _metrics.CommandHandled(UnknownCommand, CommandOutcome.UserError, elapsed: null);
            return Reply.Error(UnknownSubcommand(command, request.Subcommand));
        }

        var name = $"{command.Name} {subcommand.Name}";
        var caller = request.Caller;
        if (command.AdminOnly && !caller.IsAdmin)
        {
            _metrics.CommandHandled(name, CommandOutcome.Denied, elapsed: null);
            Log.CommandRefused(_logger, caller.Platform, command.Name, subcommand.Name, "not an admin");
            // How someone becomes an admin is the platform's to say.
            return Reply.Error(caller.AdminHint is { Length: > 0 } hint
                ? $"Only admins can use /{command.Name}: {hint}"
                : $"Only admins can use /{command.Name}.");
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var arguments = CommandArguments.Bind(command.Name, subcommand, request.Options);
            var reply = await handler.HandleAsync(new CommandContext(request, arguments), cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            _metrics.CommandHandled(name, reply.IsError ? CommandOutcome.UserError : CommandOutcome.Ok, elapsed);
            Log.CommandHandled(_logger, caller.Platform, command.Name, subcommand.Name, elapsed.TotalMilliseconds);
            return reply;
        }
        catch (ChatBotException e)
        {
            _metrics.CommandHandled(name, CommandOutcome.UserError, Stopwatch.GetElapsedTime(started));
            Log.CommandRefused(_logger, caller.Platform, command.Name, subcommand.Name, e.Message);
            return Reply.Error(e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of a handler becomes an apology; the details go to the log, not the chat.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _metrics.CommandHandled(name, CommandOutcome.Error, Stopwatch.GetElapsedTime(started));
            Log.CommandFailed(_logger, caller.Platform, command.Name, subcommand.Name, e);
            return Reply.Error($"Sorry, /{command.Name} {subcommand.Name} failed on our side. The error is logged; please try again in a moment.");
        }
    }

    private static string UnknownSubcommand(CommandDefinition command, string name)
    {
        var names = command.Subcommands.Select(s => s.Name).ToList();
        var suggestion = names.FirstOrDefault(n => EditDistance.Within(n, name, 2));
        var known = string.Join(", ", names);
        return suggestion is null
            ? $"/{command.Name} has no subcommand '{Shorten(name)}'; try one of {known}."
            : $"/{command.Name} has no subcommand '{Shorten(name)}' — did you mean '{suggestion}'?";
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
