using Microsoft.Extensions.Options;

namespace ChatBot.Cluster;

/// <summary>
/// The lease must outlast at least two renewals: one renewal that fails or is slow must not end the leadership of a
/// healthy leader.
/// </summary>
internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.LeaseDuration < options.LeaseRenewInterval * 2
            ? ValidateOptionsResult.Fail(
                $"Cluster:LeaseDuration ({options.LeaseDuration}) must be at least twice Cluster:LeaseRenewInterval ({options.LeaseRenewInterval}), e.g. 00:00:15 and 00:00:05.")
            : ValidateOptionsResult.Success;
    }
}
