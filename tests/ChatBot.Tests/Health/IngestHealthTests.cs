using ChatBot.Core.Ingestion;
using ChatBot.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Tests.Health;

/// <summary>Ingest readiness: the last tick succeeded, or a success (or the start) is younger than two intervals.</summary>
public sealed class IngestHealthTests
{
    private static readonly SourceReport Ok = new("huggingface", 3, 0, 0, 0);
    private static readonly SourceReport Broken = new("huggingface", 0, 0, 0, 0, Error: "HTTP 502");
    private static readonly SourceReport InBackoff = new("huggingface", 0, 0, 0, 0, Skipped: true);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly IngestHealth _health;

    public IngestHealthTests() => _health = new IngestHealth(Options.Create(new IngestOptions { Interval = TimeSpan.FromMinutes(30) }), _clock);

    [Fact]
    public async Task Ready_before_the_first_tick_and_after_a_successful_one()
    {
        var starting = await CheckAsync();
        _health.Record([Ok]);

        Assert.Equal((HealthStatus.Healthy, "first run in progress"), starting);
        Assert.Equal((HealthStatus.Healthy, "last run succeeded at 2026-11-23 08:00:00Z"), await CheckAsync());
    }

    [Fact]
    public async Task One_failure_is_tolerated_until_two_intervals_pass_without_a_success()
    {
        _health.Record([Ok]);
        _clock.Advance(TimeSpan.FromMinutes(30));
        _health.Record([Broken]);
        var afterOneFailure = await CheckAsync();
        _clock.Advance(TimeSpan.FromMinutes(30));
        _health.Record([InBackoff]); // a skipped source neither clears nor renews the failure
        _clock.Advance(TimeSpan.FromMinutes(1));

        var afterTwoIntervals = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, afterOneFailure.Status);
        Assert.Contains("HTTP 502", afterOneFailure.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, afterTwoIntervals.Status);
        Assert.Contains("huggingface: HTTP 502", afterTwoIntervals.Description, StringComparison.Ordinal);
        _health.Record([Ok]);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Failing_from_the_start_is_not_ready_after_two_intervals()
    {
        _health.Failed("database is locked");
        var early = await CheckAsync();
        _clock.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal(HealthStatus.Healthy, early.Status);
        Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync()).Status);
    }

    private async Task<(HealthStatus Status, string? Description)> CheckAsync()
    {
        var result = await _health.CheckHealthAsync(new HealthCheckContext());
        return (result.Status, result.Description);
    }
}
