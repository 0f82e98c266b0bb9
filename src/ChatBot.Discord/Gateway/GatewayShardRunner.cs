namespace ChatBot.Discord.Gateway;

/// <summary>One shard's gateway client and the readiness it reports.</summary>
internal sealed record GatewayShardRunner(DiscordGatewayClient Client, DiscordGatewayHealth Health)
{
    public GatewayShard Shard => Client.Shard;
}
