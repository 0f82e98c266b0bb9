namespace ChatBot.Benchmarks.Soak;

/// <summary>One kind of fault the soak injects; its JSON key is <c>faults_</c> plus the snake_case name.</summary>
internal enum FaultKind
{
    /// <summary>The gateway connection drops without a close frame.</summary>
    GatewayDrop,

    /// <summary>The gateway closes with a code that allows a resume (4000-4003, 4005, 4008).</summary>
    GatewayClose,

    /// <summary>The gateway stops acknowledging heartbeats (a zombie connection).</summary>
    GatewayZombie,

    /// <summary>Op 7 Reconnect.</summary>
    GatewayReconnect,

    /// <summary>Op 9 Invalid Session with <c>d:true</c> (resumable).</summary>
    GatewayInvalidSessionResumable,

    /// <summary>Op 9 Invalid Session with <c>d:false</c>: the bot must identify anew (sent once the commands in flight are answered).</summary>
    GatewayInvalidSession,

    /// <summary>A frame the bot cannot use on the gateway: truncated JSON, not an object, unknown op or event.</summary>
    GatewayMalformed,

    /// <summary>A Socket Mode connection drops without a close frame.</summary>
    SocketDrop,

    /// <summary><c>disconnect</c> with <c>refresh_requested</c>.</summary>
    SocketRefresh,

    /// <summary><c>disconnect</c> with <c>warning</c>.</summary>
    SocketWarning,

    /// <summary>A frame the bot cannot use on Socket Mode: truncated JSON, not an object, unknown type, envelopes of unknown shape.</summary>
    SocketMalformed,

    /// <summary>A Discord or Slack HTTP call answered 429 with the platform's headers and retry_after.</summary>
    Http429,

    /// <summary>A Discord or Slack HTTP call answered 500, 502 or 503.</summary>
    Http5xx,
}
