using ChatBot.Cluster;
using ChatBot.Telemetry;
using ChatBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBot.Tests.Cluster;

public sealed class LeadershipTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    private readonly TestClock _clock = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_term_lasts_the_lease_from_each_renewal_and_ends_by_itself_at_the_deadline()
    {
        using var meters = new TestMeterFactory();
        var leadership = Leadership.Elected(_clock, meters, NullLogger<Leadership>.Instance);
        var before = leadership.IsLeader;

        leadership.Renewed(_clock.GetTimestamp(), Lease);
        var term = (await leadership.WaitForTermAsync(CancellationToken.None))!.Value;
        _clock.Advance(TimeSpan.FromSeconds(10));
        leadership.Renewed(_clock.GetTimestamp(), Lease);
        _clock.Advance(TimeSpan.FromSeconds(14));
        var renewedStillLeads = leadership.IsLeader && !term.IsCancellationRequested;
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(before);
        Assert.True(renewedStillLeads);
        Assert.True(term.IsCancellationRequested);
        Assert.False(leadership.IsLeader);
    }

    [Fact]
    public async Task A_renewal_that_took_longer_than_the_lease_starts_no_term()
    {
        using var meters = new TestMeterFactory();
        var leadership = Leadership.Elected(_clock, meters, NullLogger<Leadership>.Instance);
        var requestedAt = _clock.GetTimestamp();
        _clock.Advance(Lease);

        leadership.Renewed(requestedAt, Lease);

        Assert.False(leadership.IsLeader);
        using var stop = new CancellationTokenSource();
        var waiting = leadership.WaitForTermAsync(stop.Token);
        await stop.CancelAsync();
        Assert.Null(await waiting);
    }

    [Fact]
    public async Task The_one_process_of_a_LiteDB_bot_always_leads_in_a_term_that_never_ends()
    {
        using var meters = new TestMeterFactory();
        var leadership = Leadership.Always(_clock, meters, NullLogger<Leadership>.Instance);

        var term = await leadership.WaitForTermAsync(CancellationToken.None);

        Assert.True(leadership.IsLeader);
        Assert.False(leadership.IsElected);
        Assert.Equal(CancellationToken.None, term);
    }

    [Fact]
    public async Task Scheduled_work_ticks_when_a_term_starts_and_a_tick_under_way_stops_when_the_term_ends()
    {
        using var meters = new TestMeterFactory();
        var leadership = Leadership.Elected(_clock, meters, NullLogger<Leadership>.Instance);
        using var worker = new ScheduledWorkerProbe(new WorkerMetrics(meters), _clock, leadership);
        await worker.StartAsync(CancellationToken.None);
        var beforeLeading = worker.Started;

        leadership.Renewed(_clock.GetTimestamp(), Lease);
        await Poll.UntilAsync(() => worker.Started == 1, TimeSpan.FromSeconds(10), "the first term's tick");
        _clock.Advance(Lease); // no renewal: the term ends at its deadline
        await Poll.UntilAsync(() => worker.Cancelled == 1, TimeSpan.FromSeconds(10), "the first term's tick cancelled");
        leadership.Renewed(_clock.GetTimestamp(), Lease);
        await Poll.UntilAsync(() => worker.Started == 2, TimeSpan.FromSeconds(10), "the second term's tick");
        leadership.Lost(); // a renewal found the lease another's
        await Poll.UntilAsync(() => worker.Cancelled == 2, TimeSpan.FromSeconds(10), "the second term's tick cancelled");
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(0, beforeLeading);
        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData("00:00:05", "00:00:15", true)]
    [InlineData("00:00:05", "00:00:10", true)]
    [InlineData("00:00:05", "00:00:09", false)]
    public void The_lease_must_outlast_two_renewals(string renew, string duration, bool valid)
    {
        var options = new ClusterOptions { LeaseRenewInterval = TimeSpan.Parse(renew, System.Globalization.CultureInfo.InvariantCulture), LeaseDuration = TimeSpan.Parse(duration, System.Globalization.CultureInfo.InvariantCulture) };

        var result = new ClusterOptionsValidator().Validate(Options.DefaultName, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Cluster:LeaseDuration", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
