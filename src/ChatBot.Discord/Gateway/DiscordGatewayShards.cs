using ChatBot.Core.Chat;
using ChatBot.Core.Telemetry;
using ChatBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// The shards this process runs (<c>Discord:ShardIds</c>, or the one <c>Discord:ShardId</c>), one gateway client and
/// one readiness each. They share the REST client, the interaction dispatcher and the <see cref="IIdentifyGate"/>,
/// which paces their Identifies per rate-limit bucket (and, on PostgreSQL, with the other processes' shards).
/// </summary>
internal sealed class DiscordGatewayShards
{
    public DiscordGatewayShards(
        IDiscordRestClient rest,
        IDiscordInteractionDispatcher dispatcher,
        IIdentifyGate identifyGate,
        IOptions<DiscordOptions> options,
        DiscordGatewaySettings settings,
        ChatBotMetrics metrics,
        TimeProvider timeProvider,
        ILogger<DiscordGatewayClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var count = options.Value.ShardCount;
        Runners = [.. options.Value.Shards().Select(id =>
        {
            var health = new DiscordGatewayHealth();
            var client = new DiscordGatewayClient(new GatewayShard(id, count), identifyGate, rest, dispatcher, options, settings, health, metrics, timeProvider, logger);
            return new GatewayShardRunner(client, health);
        })];
    }

    public IReadOnlyList<GatewayShardRunner> Runners { get; }
}
