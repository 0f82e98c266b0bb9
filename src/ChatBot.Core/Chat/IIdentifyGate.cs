namespace ChatBot.Core.Chat;

/// <summary>
/// Paces the starts of new gateway sessions (Discord's Identify) per rate-limit bucket: at most one per
/// <c>interval</c> in each bucket, however many connections or processes share the bot's token
/// (https://discord.com/developers/docs/events/gateway#sharding, "Max Concurrency": a shard's bucket is
/// <c>shard_id % max_concurrency</c>, one Identify per bucket every 5 seconds). In one process,
/// <see cref="InProcessIdentifyGate"/>; with several processes on PostgreSQL, a row per bucket in the database.
/// </summary>
public interface IIdentifyGate
{
    /// <summary>Waits until the bucket's last start is at least <paramref name="interval"/> old, then takes the turn.</summary>
    Task WaitTurnAsync(int bucket, TimeSpan interval, CancellationToken cancellationToken);
}
