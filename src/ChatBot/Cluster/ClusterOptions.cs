using System.ComponentModel.DataAnnotations;

namespace ChatBot.Cluster;

/// <summary>
/// The leader lease of several processes on PostgreSQL (ignored with LiteDB, where the one process always leads).
/// The leader renews every <see cref="LeaseRenewInterval"/>; the lease lasts <see cref="LeaseDuration"/> from each
/// renewal. A process that dies is replaced within about <see cref="LeaseDuration"/> plus one renew interval; one
/// that stops cleanly gives the lease up at once.
/// </summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Cluster:LeaseRenewInterval must be between 00:00:00.100 and 00:01:00, e.g. 00:00:05.")]
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.300", "00:05:00", ErrorMessage = "Cluster:LeaseDuration must be between 00:00:00.300 and 00:05:00, e.g. 00:00:15.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);
}
