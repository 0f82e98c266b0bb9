using System.ComponentModel.DataAnnotations;

namespace ChatBot.Discord;

/// <summary>
/// The Discord application. <see cref="Token"/> turns the gateway on; <see cref="PublicKey"/> turns
/// the HTTP interactions endpoint on. Secrets come from environment variables, never from files.
/// </summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token (Bot tab of the application). Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>The application id (General Information tab); needed to register commands and answer interactions.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The application's hex Ed25519 public key, for verifying HTTP interactions.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Register commands to this guild only (instant updates while developing); empty registers them globally.</summary>
    public string? GuildId { get; set; }

    /// <summary>The REST API root; the gateway URL is discovered from <c>GET /gateway/bot</c> on it.</summary>
    [Required(ErrorMessage = "Discord:ApiBaseUrl must be an absolute URL, e.g. https://discord.com/api/v10.")]
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    /// <summary>How long a command may run before its answer is deferred (Discord allows 3 s for the first response).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:02.500", ErrorMessage = "Discord:DeferAfter must be between 00:00:00.100 and 00:00:02.500 (Discord allows 3 s).")]
    public TimeSpan DeferAfter { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>The one shard this process runs, when <see cref="ShardIds"/> is empty (a shorthand for a one-shard list).</summary>
    [Range(0, 10_000, ErrorMessage = "Discord:ShardId must be between 0 and 10000.")]
    public int ShardId { get; set; }

    /// <summary>
    /// The shards this process runs, one gateway connection each: ids and ranges separated by commas, e.g. <c>0,1</c>
    /// or <c>0-3</c> or <c>0-3,8</c>. Empty: the one shard <see cref="ShardId"/>. Every process of the bot sets the same
    /// <see cref="ShardCount"/> and its own share of the ids.
    /// </summary>
    public string? ShardIds { get; set; }

    [Range(1, 10_000, ErrorMessage = "Discord:ShardCount must be between 1 and 10000.")]
    public int ShardCount { get; set; } = 1;

    /// <summary>The shards this process runs (validated at start by <see cref="DiscordOptionsValidator"/>).</summary>
    public IReadOnlyList<int> Shards() =>
        string.IsNullOrWhiteSpace(ShardIds) ? [ShardId] : ShardIdList.TryParse(ShardIds, out var ids, out _) ? ids : [ShardId];

    public bool GatewayEnabled => !string.IsNullOrWhiteSpace(Token);

    public bool InteractionsEndpointEnabled => !string.IsNullOrWhiteSpace(PublicKey);
}
