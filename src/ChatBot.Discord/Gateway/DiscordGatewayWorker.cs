using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Discord.Gateway;

/// <summary>Runs the gateway client for the life of the host (registered only when <c>Discord:Token</c> is set).</summary>
internal sealed class DiscordGatewayWorker(DiscordGatewayClient client, ILogger<DiscordGatewayWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await client.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        Log.GatewayStopped(logger);
    }
}
