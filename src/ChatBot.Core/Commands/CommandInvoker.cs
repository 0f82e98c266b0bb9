using Microsoft.Extensions.Logging;

namespace ChatBot.Core.Commands;

/// <summary>
/// The one way in for every command, whatever platform it came from. An adapter translates its payload into a
/// <see cref="Caller"/> and a <see cref="CommandInput"/>; this parses text, stamps the caller on the request, runs
/// it through <see cref="CommandRouter"/> (which turns a user's mistake into an error reply and anything else into
/// a short apology), and answers through the adapter's <see cref="ICommandResponder"/>: inline when the reply is
/// ready within the platform's <see cref="ReplyBudget"/>, counted from when the payload arrived, else deferred and
/// delivered when ready. Every command runs on the thread pool, never on an adapter's receive loop, and is kept by
/// <see cref="CommandTracker"/> until the host stops, which cancels it and waits for it to end.
/// </summary>
public sealed class CommandInvoker(CommandRouter router, CommandTracker tracker, TimeProvider timeProvider, ILogger<CommandInvoker> logger)
{
    private const string NoCommand = "-";

    /// <summary>Runs <paramref name="input"/> as <paramref name="caller"/> to its reply, however long it takes. Never throws but for cancellation.</summary>
    public async Task<Reply> RunAsync(Caller caller, CommandInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var (request, known) = input.Resolve();
        return known ?? await RouteAsync(caller, request!, cancellationToken);
    }

    /// <summary>
    /// Answers <paramref name="input"/> from <paramref name="caller"/> through <paramref name="responder"/>. The
    /// returned task completes once the first answer is given (the reply or the deferral), or the command ended
    /// without one (shutdown, a failure to answer, which is logged); the rest goes on in the background. Never throws.
    /// </summary>
    public Task AnswerAsync(Caller caller, CommandInput input, ReplyBudget budget, ICommandResponder responder)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(responder);
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tracker.Track(AnswerCoreAsync(caller, input, budget, responder, answered));
        return answered.Task;
    }

    private async Task AnswerCoreAsync(Caller caller, CommandInput input, ReplyBudget budget, ICommandResponder responder, TaskCompletionSource answered)
    {
        var stopping = tracker.Stopping;
        var name = NoCommand;
        var deferred = false;
        try
        {
            stopping.ThrowIfCancellationRequested();
            var (request, known) = input.Resolve();
            name = request is null ? NoCommand : $"{request.Command} {request.Subcommand}";
            var work = known is not null
                ? Task.FromResult(known)
                : Task.Run(() => RouteAsync(caller, request!, stopping), stopping);
            if (await ReadyWithinAsync(work, budget, stopping))
            {
                await responder.ReplyAsync(await work, stopping);
                return;
            }

            deferred = true;
            Log.CommandDeferred(logger, caller.Platform, name, budget.Limit);
            await responder.DeferAsync(known?.Visibility ?? ExpectedVisibility(request!), stopping);
            answered.TrySetResult();
            var reply = await work;
            stopping.ThrowIfCancellationRequested();
            await responder.FollowUpAsync(reply, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: nothing more is sent.
        }
#pragma warning disable CA1031 // A failure to answer one command is logged; it must not reach the adapter's receive loop.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.AnswerFailed(logger, caller.Platform, name, deferred, e);
        }
        finally
        {
            answered.TrySetResult();
        }
    }

    /// <summary>True when <paramref name="work"/> is done within what is left of the budget; a budget already spent defers at once.</summary>
    private async Task<bool> ReadyWithinAsync(Task<Reply> work, ReplyBudget budget, CancellationToken stopping)
    {
        var remaining = budget.Remaining(timeProvider);
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        try
        {
            await work.WaitAsync(remaining, timeProvider, stopping);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task<Reply> RouteAsync(Caller caller, CommandRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await router.HandleAsync(request with { Caller = caller }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The router answers every failure of a handler; anything past it is a bug, logged, with an apology for the user.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.CommandFailed(logger, caller.Platform, request.Command, request.Subcommand, e);
            return Reply.Error($"Sorry, /{request.Command} {request.Subcommand} failed on our side. The error is logged; please try again in a moment.");
        }
    }

    /// <summary>Who the reply is for, known before it exists: help, alerts and admin settings answer privately.</summary>
    private static ReplyVisibility ExpectedVisibility(CommandRequest request) =>
        CommandCatalog.Find(request.Command)?.RepliesPrivately(request.Subcommand) == true ? ReplyVisibility.Private : ReplyVisibility.Channel;
}
