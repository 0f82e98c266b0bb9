namespace ChatBot.Discord.Gateway;

/// <summary>The gateway opcodes the client uses (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-opcodes).</summary>
internal static class GatewayOpcodes
{
    /// <summary>An event (received); <c>t</c> names it and <c>s</c> numbers it.</summary>
    public const int Dispatch = 0;

    /// <summary>Sent every heartbeat interval; received when the gateway wants one at once.</summary>
    public const int Heartbeat = 1;

    public const int Identify = 2;

    public const int Resume = 6;

    /// <summary>Received: reconnect and resume.</summary>
    public const int Reconnect = 7;

    /// <summary>Received; <c>d</c> says whether the session can be resumed.</summary>
    public const int InvalidSession = 9;

    /// <summary>Received first, with the heartbeat interval.</summary>
    public const int Hello = 10;

    public const int HeartbeatAck = 11;
}
