namespace ChatBot.Discord.Gateway;

/// <summary>One shard of the bot: its id and the bot's shard count, sent in Identify as <c>shard: [id, count]</c>.</summary>
internal readonly record struct GatewayShard(int Id, int Count)
{
    /// <summary>
    /// The shard's identify rate-limit bucket: <c>shard_id % max_concurrency</c>
    /// (https://discord.com/developers/docs/events/gateway#sharding, "Max Concurrency").
    /// </summary>
    public int Bucket(int maxConcurrency) => Id % Math.Max(1, maxConcurrency);
}
