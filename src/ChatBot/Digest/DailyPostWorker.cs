using ChatBot.Core.Digest;

namespace ChatBot.Digest;

/// <summary>Posts due daily threads: once at start (to catch up) and then every minute, on the injected clock.</summary>
internal sealed class DailyPostWorker(DailyPostService service, TimeProvider clock, ILogger<DailyPostWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, clock);
        do
        {
            try
            {
                await service.RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing tick is logged; the next tick tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log.DailyTickFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
