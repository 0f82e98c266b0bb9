namespace ChatBot.Discord.Gateway;

/// <summary>What to do after a gateway connection ended.</summary>
internal enum GatewayOutcome
{
    /// <summary>Reconnect to resume_gateway_url and send Resume (op 6).</summary>
    Resume,

    /// <summary>Forget the session: reconnect to the gateway URL and Identify again.</summary>
    Reidentify,

    /// <summary>Do not reconnect (authentication failed, bad shard or intents, or shutting down).</summary>
    Stop,
}
