using System.Text.Json;
using ChatBot.Core.Json;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// Reads the data of the events the client acts on (https://discord.com/developers/docs/events/gateway-events#receive-events),
/// every field with a kind check: a field of the wrong kind reads as absent, never throws.
/// </summary>
internal static class GatewayEvents
{
    /// <summary>Discord sends 41250 ms; a heartbeat_interval outside this range is not one to heartbeat on.</summary>
    public static readonly TimeSpan MinHeartbeatInterval = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan MaxHeartbeatInterval = TimeSpan.FromMinutes(10);

    /// <summary>Hello's heartbeat_interval (https://discord.com/developers/docs/events/gateway#hello-event), when it is a number of milliseconds in range.</summary>
    public static bool TryReadHeartbeatInterval(JsonElement hello, out TimeSpan interval)
    {
        interval = default;
        if (JsonFields.OptionalDouble(hello, "heartbeat_interval") is not { } milliseconds
            || milliseconds < MinHeartbeatInterval.TotalMilliseconds
            || milliseconds > MaxHeartbeatInterval.TotalMilliseconds)
        {
            return false;
        }

        interval = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }

    /// <summary>READY's session_id (required), resume_gateway_url and user name; false without a session_id.</summary>
    public static bool TryReadReady(JsonElement ready, out (string SessionId, string? ResumeGatewayUrl, string? User) session)
    {
        session = default;
        if (JsonFields.OptionalString(ready, "session_id") is not { Length: > 0 } sessionId)
        {
            return false;
        }

        var user = JsonFields.OptionalString(JsonFields.OptionalObject(ready, "user"), "username");
        session = (sessionId, JsonFields.OptionalString(ready, "resume_gateway_url"), user);
        return true;
    }
}
