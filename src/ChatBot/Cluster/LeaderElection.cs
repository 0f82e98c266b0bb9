using ChatBot.Core.Cluster;
using ChatBot.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBot.Cluster;

/// <summary>
/// On PostgreSQL: takes the <see cref="LeaseName"/> lease when it is free, renews it every
/// <c>Cluster:LeaseRenewInterval</c> while this process holds it, and keeps <see cref="Leadership"/> in step. A
/// renewal that fails (the database is unreachable) changes nothing at once: the term still ends at its local
/// deadline unless a later renewal succeeds first. A renewal that finds the lease another's ends the term now.
/// On a clean stop it keeps renewing until this process's scheduled work has finished its sends, then releases the
/// lease, so another process takes over at once instead of after the expiry.
/// </summary>
internal sealed class LeaderElection(
    ILeaseStore leases,
    Leadership leadership,
    IServiceProvider services,
    IOptions<ClusterOptions> options,
    TimeProvider clock,
    ILogger<LeaderElection> logger) : BackgroundService
{
    public const string LeaseName = "scheduled-work";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RenewAsync(settings, stoppingToken);
                await Task.Delay(settings.LeaseRenewInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync releases the lease once the work is done.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The workers stop beside this service (the host stops all at once): keep the lease until their sends finish.
        var work = services.GetServices<IHostedService>().OfType<PeriodicWorker>().Where(w => w.FollowsLeadership)
            .Select(w => w.ExecuteTask ?? Task.CompletedTask);
        try
        {
            await Task.WhenAll(work).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's own shutdown timeout: release what we can.
        }
#pragma warning disable CA1031 // A worker's failure is the host's to report; here it only means the work has stopped.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        await base.StopAsync(cancellationToken);
        if (!leadership.IsLeader)
        {
            return;
        }

        leadership.Lost();
        try
        {
            await leases.ReleaseAsync(LeaseName, leadership.Holder, cancellationToken);
            Log.LeaseReleased(logger, leadership.Holder);
        }
#pragma warning disable CA1031 // Unreleased, the lease simply expires: another process takes over a little later.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.LeaseRenewFailed(logger, LeaseName, e.Message);
        }
    }

    private async Task RenewAsync(ClusterOptions settings, CancellationToken stoppingToken)
    {
        var requestedAt = clock.GetTimestamp();
        using var timeout = new CancellationTokenSource(settings.LeaseDuration, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stoppingToken);
        try
        {
            if (await leases.TryAcquireAsync(LeaseName, leadership.Holder, settings.LeaseDuration, linked.Token))
            {
                leadership.Renewed(requestedAt, settings.LeaseDuration);
            }
            else if (leadership.IsLeader)
            {
                Log.LeaseTakenByAnother(logger, leadership.Holder);
                leadership.Lost();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The database may be down for a while; the term's deadline decides, the loop goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.LeaseRenewFailed(logger, LeaseName, e.Message);
        }
    }
}
