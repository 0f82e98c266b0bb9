using Microsoft.Extensions.Hosting;

namespace ChatBot.Slack.SocketMode;

/// <summary>Runs <see cref="SlackSocketModeClient"/> for the life of the host (registered only when <c>Slack:AppToken</c> is set).</summary>
internal sealed class SlackSocketModeWorker(SlackSocketModeClient client) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await client.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
