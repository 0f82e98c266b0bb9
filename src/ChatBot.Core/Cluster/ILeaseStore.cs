namespace ChatBot.Core.Cluster;

/// <summary>
/// A named lease with an expiry on the store's own clock, so processes on several machines agree on when it ends.
/// Only the PostgreSQL store has one: with LiteDB one process is the whole bot and always leads.
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes the lease <paramref name="name"/> for <paramref name="holder"/> when it is free or expired, or renews it
    /// when <paramref name="holder"/> has it, until <paramref name="duration"/> from now on the store's clock. True
    /// when <paramref name="holder"/> holds it now.
    /// </summary>
    Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up at once when <paramref name="holder"/> has it (a clean stop), so another takes over without waiting for the expiry.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default);

    /// <summary>Who holds the lease now (an unexpired one), or null.</summary>
    Task<string?> FindHolderAsync(string name, CancellationToken cancellationToken = default);
}
