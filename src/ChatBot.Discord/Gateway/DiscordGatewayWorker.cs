using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// Runs one gateway client per shard (<see cref="DiscordGatewayShards"/>) for the life of the host (registered only when <c>Discord:Token</c> is set)
/// and supervises it: an exception that escapes the client is logged, shown by readiness
/// (<see cref="DiscordGatewayHealth"/>) and followed by a restart after a backoff, so nothing Discord
/// (or anything posing as it) sends can stop the host. The client itself returns only at shutdown or
/// when Discord refused the bot for good (close codes 4004, 4010-4014, or a refused token), which
/// readiness then explains while the host's other workers run on.
/// </summary>
internal sealed class DiscordGatewayWorker(
    DiscordGatewayShards shards,
    DiscordGatewaySettings settings,
    TimeProvider timeProvider,
    ILogger<DiscordGatewayWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(shards.Runners.Select(runner => Task.Run(() => SuperviseAsync(runner.Client, runner.Health, stoppingToken), CancellationToken.None)));

    /// <summary>One shard's client, restarted after a backoff whenever something escapes it.</summary>
    private async Task SuperviseAsync(DiscordGatewayClient client, DiscordGatewayHealth health, CancellationToken stoppingToken)
    {
        var failures = 0;
        var sessionsAtLastFailure = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await client.RunAsync(stoppingToken);
                break;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The supervisor: whatever escapes the client is logged and the client restarted.
            catch (Exception e)
#pragma warning restore CA1031
            {
                // A session opened since the last failure: this is a new failure, not a repeat of it.
                failures = client.SessionsOpened == sessionsAtLastFailure ? failures + 1 : 1;
                sessionsAtLastFailure = client.SessionsOpened;
                var delay = settings.Reconnect.Delay(failures);
                health.Faulted($"{e.GetType().Name}: {e.Message}");
                Log.GatewayFaulted(logger, client.Shard.Id, delay, e);
                try
                {
                    await Task.Delay(delay, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        Log.GatewayStopped(logger, client.Shard.Id);
    }
}
