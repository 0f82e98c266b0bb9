using ChatBot.Admin;
using ChatBot.Core;
using ChatBot.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatBot.Cli;

/// <summary>The running bot from its start to its stop, and the exit code that tells how it went.</summary>
internal static class BotLifetime
{
    /// <summary>
    /// Starts the bot, serves until it is stopped (SIGTERM, Ctrl+C, a failed background service) and returns
    /// <see cref="ChatBotCli.Success"/>, or <see cref="ChatBotCli.Failure"/> when a background service failed.
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var logger = app.Services.GetRequiredService<ILogger<Program>>();
        // The same instances the host runs; kept to tell, once it stopped, whether one of them failed.
        var workers = app.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var grace = app.Services.GetRequiredService<IOptions<ShutdownOptions>>().Value.GracePeriod;
        using var onStopping = lifetime.ApplicationStopping.Register(() => Log.Stopping(logger, grace));
        await StartAsync(app, app.Services.GetRequiredService<AdminListener>(), logger, cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        Log.Stopped(logger);
        return ReportFailedWorkers(workers, console);
    }

    private static async Task StartAsync(WebApplication app, AdminListener admin, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.Message.StartsWith("Failed to bind", StringComparison.Ordinal))
        {
            var hint = e.Message.Contains(admin.Address, StringComparison.Ordinal)
                ? "The admin listener's port was taken at the last moment: start the bot again."
                : "Another program uses the port: set Urls to a free address (e.g. Urls=http://127.0.0.1:8081).";
            throw new ChatBotException($"{e.Message} {hint}", e);
        }
        catch (Exception e) when (e is not (OperationCanceledException or ChatBotException or OptionsValidationException))
        {
            // The host's own report of this is filtered out (ChatBotHost): the stack goes to the log, one line to the user.
            Log.StartFailed(logger, e);
            throw new ChatBotException($"The bot could not start: {e.Message}", e);
        }
    }

    /// <summary>
    /// Exit code 1 when a background service failed (the host stopped because of it, or while stopping): a bot that
    /// was meant to serve never exits 0 after a fault. Each is one line here; the host's log has the stack.
    /// </summary>
    private static int ReportFailedWorkers(List<BackgroundService> workers, IAnsiConsole console)
    {
        var failed = workers.Where(worker => worker.ExecuteTask is { IsFaulted: true }).ToList();
        foreach (var worker in failed)
        {
            // The host logged it as critical, with the stack.
            var error = worker.ExecuteTask!.Exception!.GetBaseException();
            ConsoleLines.Error(console, "Error:", $"{worker.GetType().Name} failed ({error.Message}); the bot stopped. The log has the details.");
        }

        return failed.Count > 0 ? ChatBotCli.Failure : ChatBotCli.Success;
    }
}
