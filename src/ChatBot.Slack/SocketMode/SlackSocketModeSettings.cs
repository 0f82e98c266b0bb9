using ChatBot.Core.Resilience;

namespace ChatBot.Slack.SocketMode;

/// <summary>
/// Socket Mode's reconnect timing. Production uses the defaults; tests pin <see cref="Jitter"/> so the
/// waits are exact.
/// </summary>
internal sealed record SlackSocketModeSettings
{
    /// <summary>The first wait before reconnecting; it doubles per failure in a row up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A random number in [0, 1] per wait, so connections (and instances) that dropped together do not reconnect in step.</summary>
#pragma warning disable CA5394 // Jitter spreads reconnects; it protects nothing.
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;
#pragma warning restore CA5394

    /// <summary>The wait before each reconnect: doubling from <see cref="InitialBackoff"/> to <see cref="MaxBackoff"/>, jittered.</summary>
    public Backoff Reconnect => new(InitialBackoff, MaxBackoff, Jitter);
}
