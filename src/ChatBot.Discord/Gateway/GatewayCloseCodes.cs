namespace ChatBot.Discord.Gateway;

/// <summary>Discord's gateway close codes (PROTOCOLS.md §1.2) and what each means for the client.</summary>
internal static class GatewayCloseCodes
{
    public const int AuthenticationFailed = 4004;

    public const int InvalidSequence = 4007;

    public const int SessionTimedOut = 4009;

    /// <summary>The code this client closes with when it wants the session kept (zombie, op 7, op 9 true).</summary>
    public const int ClientResuming = 4000;

    public static GatewayOutcome Classify(int? code) => code switch
    {
        AuthenticationFailed or (>= 4010 and <= 4014) => GatewayOutcome.Stop,
        InvalidSequence or SessionTimedOut => GatewayOutcome.Reidentify,
        // 4000-4003, 4005, 4008, 1000/1001 from the server, unknown codes and drops: try to resume;
        // if the session is gone the server answers op 9 false and we identify.
        _ => GatewayOutcome.Resume,
    };

    public static string Describe(int? code) => code switch
    {
        null => "connection dropped without a close frame",
        4000 => "unknown error",
        4001 => "unknown opcode",
        4002 => "decode error",
        4003 => "not authenticated",
        4004 => "authentication failed: check Discord:Token",
        4005 => "already authenticated",
        4007 => "invalid seq",
        4008 => "rate limited",
        4009 => "session timed out",
        4010 => "invalid shard: check Discord:ShardId and Discord:ShardCount",
        4011 => "sharding required: raise Discord:ShardCount",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents",
        _ => "close code " + code,
    };
}
