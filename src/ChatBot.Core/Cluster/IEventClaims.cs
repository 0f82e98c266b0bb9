namespace ChatBot.Core.Cluster;

/// <summary>
/// Claims an inbound delivery (a Discord interaction, a Slack envelope) so it is handled once however many processes
/// receive it: the first claim of a key wins. Each platform's own recent-id set still filters replays inside one
/// process first; this is the step across processes (in memory with LiteDB, a table with PostgreSQL).
/// </summary>
public interface IEventClaims
{
    /// <summary>
    /// True when none of <paramref name="keys"/> was claimed before for <paramref name="platform"/> (this caller now
    /// holds them all and handles the delivery); false when any was (another process, or a retry, has it).
    /// </summary>
    Task<bool> TryClaimAsync(string platform, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default);
}
