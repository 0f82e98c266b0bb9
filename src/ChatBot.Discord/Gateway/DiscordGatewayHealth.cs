using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// Readiness of the gateway session (the <c>discord</c> check of <c>/readyz</c>): ready after READY or
/// RESUMED until that connection ends; otherwise not ready, saying why: connecting, connected but
/// waiting for READY, reconnecting after an unexpected error (with it), or stopped for good because
/// Discord refused the bot (with the close code and the setting to fix).
/// </summary>
internal sealed class DiscordGatewayHealth : IHealthCheck
{
    private const string Connection = "Discord gateway";

    private int _open;
    private int _handshaking;
    private string? _fault;
    private string? _stoppedBecause;

    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>A connection got READY or RESUMED: the session is usable.</summary>
    public void Opened()
    {
        Interlocked.Increment(ref _open);
        Volatile.Write(ref _fault, null);
    }

    /// <summary>A connection that was <see cref="Opened"/> ended.</summary>
    public void Closed() => Interlocked.Decrement(ref _open);

    /// <summary>A connection said Hello and the client identified or resumed: READY or RESUMED is due.</summary>
    public void HandshakeStarted() => Interlocked.Increment(ref _handshaking);

    /// <summary>The connection of a <see cref="HandshakeStarted"/> got its session or ended.</summary>
    public void HandshakeEnded() => Interlocked.Decrement(ref _handshaking);

    /// <summary>The client failed unexpectedly and is being restarted; shown until a session opens again.</summary>
    public void Faulted(string reason) => Volatile.Write(ref _fault, reason);

    /// <summary>Discord refused the bot for good; the client will not reconnect.</summary>
    public void Stopped(string reason) => Volatile.Write(ref _stoppedBecause, reason);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var open = OpenConnections;
        var result = open > 0
            ? HealthCheckResult.Healthy($"{Connection}: {open} connection{(open == 1 ? "" : "s")} open")
            : Volatile.Read(ref _stoppedBecause) is { } reason
                ? HealthCheckResult.Unhealthy($"{Connection} stopped: {reason}")
                : Volatile.Read(ref _fault) is { } fault
                    ? HealthCheckResult.Unhealthy($"{Connection}: reconnecting after an error: {fault}")
                    : Volatile.Read(ref _handshaking) > 0
                        ? HealthCheckResult.Unhealthy($"{Connection}: connected, waiting for READY")
                        : HealthCheckResult.Unhealthy($"{Connection}: connecting");
        return Task.FromResult(result);
    }
}
