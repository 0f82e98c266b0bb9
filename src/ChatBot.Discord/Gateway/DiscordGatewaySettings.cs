using ChatBot.Core.Resilience;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// The gateway client's timing. Production uses the defaults (Discord's numbers); tests shorten
/// them and pin <see cref="Jitter"/> so a run is quick and repeatable.
/// </summary>
internal sealed record DiscordGatewaySettings
{
    /// <summary>The first reconnect delay; it doubles per failed attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>At most one Identify per this interval (max_concurrency 1: one per 5 s per bucket).</summary>
    public TimeSpan IdentifyInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a graceful close may take before the socket is aborted.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A random number in [0, 1): scales the first heartbeat and jitters each reconnect delay (<see cref="Reconnect"/>).</summary>
#pragma warning disable CA5394 // Jitter spreads reconnects; it protects nothing.
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;
#pragma warning restore CA5394

    /// <summary>
    /// A received message larger than this closes the connection, which then resumes. With intents 0
    /// the largest event is READY, about 40 bytes per guild: 4 MiB is room for some 100,000 guilds.
    /// </summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>The wait before each reconnect: doubling from <see cref="InitialBackoff"/> to <see cref="MaxBackoff"/>, jittered by <see cref="Jitter"/>.</summary>
    public Backoff Reconnect => new(InitialBackoff, MaxBackoff, Jitter);
}
