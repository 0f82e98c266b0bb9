using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.SocketMode;

/// <summary>
/// Runs <see cref="SlackSocketModeClient"/> for the life of the host (registered only when <c>Slack:AppToken</c>
/// is set). It never ends on its own, and never fails, except when Slack ended Socket Mode for good
/// (<c>link_disabled</c> or a refused app token): then it returns quietly, <c>/readyz</c> says why, and the host
/// keeps running its other workers. A client that stopped for any other reason is restarted.
/// </summary>
internal sealed class SlackSocketModeWorker(SlackSocketModeClient client, TimeProvider timeProvider, ILogger<SlackSocketModeWorker> logger) : BackgroundService
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Exception? failure = null;
            try
            {
                await client.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Supervision: the worker must not fault (a faulted BackgroundService stops the whole host).
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }

            if (client.StoppedBecause is not null)
            {
                return;
            }

            Log.SocketModeRestarting(logger, RestartDelay, failure);
            try
            {
                await Task.Delay(RestartDelay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
