using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBot.Core.Chat;

/// <summary>
/// The readiness of a platform's long-lived connection (the Discord gateway, Slack Socket Mode):
/// ready while at least one connection is open, not ready while connecting, and not ready for good
/// once the platform refused the bot (the reason is reported).
/// </summary>
public abstract class ConnectionHealth(string connection) : IHealthCheck
{
    private int _open;
    private string? _stoppedBecause;

    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>A connection is up and usable (Discord READY or RESUMED, Slack hello).</summary>
    public void Opened() => Interlocked.Increment(ref _open);

    /// <summary>A connection that was <see cref="Opened"/> ended.</summary>
    public void Closed() => Interlocked.Decrement(ref _open);

    /// <summary>The platform refused the bot for good; the client will not reconnect.</summary>
    public void Stopped(string reason) => Volatile.Write(ref _stoppedBecause, reason);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var open = OpenConnections;
        var result = (open, Volatile.Read(ref _stoppedBecause)) switch
        {
            // Stopped wins over a connection still closing: nothing will replace it.
            (_, { } reason) => HealthCheckResult.Unhealthy($"{connection} stopped: {reason}"),
            ( > 0, _) => HealthCheckResult.Healthy($"{connection}: {open} connection{(open == 1 ? "" : "s")} open"),
            _ => HealthCheckResult.Unhealthy($"{connection}: connecting"),
        };
        return Task.FromResult(result);
    }
}
