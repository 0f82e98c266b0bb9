namespace ChatBot.Testing;

/// <summary>An Identify the fake gateway received: on which connection, the shard pair it named, and when (since the fake started).</summary>
public sealed record GatewayIdentify(int Connection, int Shard, int ShardCount, TimeSpan At);
