namespace ChatBot.Discord.Rest;

/// <summary>What <c>GET /gateway/bot</c> says: where to connect, how many shards, how many identifies are left.</summary>
internal sealed record GatewayBotInfo(Uri Url, int Shards, int SessionStartRemaining, TimeSpan SessionStartResetAfter, int MaxConcurrency);
