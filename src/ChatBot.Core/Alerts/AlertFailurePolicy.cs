using ChatBot.Core.Chat;
using ChatBot.Core.Resilience;
using Microsoft.Extensions.Options;

namespace ChatBot.Core.Alerts;

/// <summary>
/// What happens after a message to a user fails: it is tried again after the <see cref="Backoff"/> delay from
/// <see cref="AlertOptions.RetryDelay"/> (doubling, capped at six hours, jittered); a permanent failure
/// (cannot DM, unknown user) is given up on at <see cref="AlertOptions.MaxAttempts"/>, and the user's alerts are
/// paused with a reason they can act on. A passing failure is retried for as long as it lasts. The backoff's
/// jitter comes from <see cref="Random.Shared"/> unless a source is given (tests pin it with <see cref="Backoff.NoJitter"/>).
/// </summary>
public sealed class AlertFailurePolicy(IOptions<AlertOptions> options, Func<double>? jitter = null)
{
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(6);

    private readonly AlertOptions _options = options.Value;
    private readonly Backoff _backoff = new(options.Value.RetryDelay, MaxRetryDelay, jitter);

    /// <summary>Where the deliveries of a failed message to a user of <paramref name="platform"/> stand now.</summary>
    public AlertFailure Decide(string platform, IReadOnlyCollection<Delivery> pending, ChatPlatformException error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(error);
        var attempts = pending.Max(d => d.Attempts) + 1;
        var failure = new AlertFailure { Attempts = attempts, Error = $"{error.Code}: {error.Message}" };
        if (!error.IsPermanent || attempts < _options.MaxAttempts)
        {
            return failure with { RetryAt = now + _backoff.Delay(attempts) };
        }

        return failure with
        {
            PauseReason = error.IsUndeliverableToUser
                ? $"the bot cannot send you direct messages ({platform} {error.Code}); allow DMs from the bot, then /alerts resume all"
                : $"messages to you failed {attempts} times ({platform} {error.Code}: {error.Message})",
        };
    }
}
