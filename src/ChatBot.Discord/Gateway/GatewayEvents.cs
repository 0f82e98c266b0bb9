using System.Text.Json;

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
        if (hello.ValueKind != JsonValueKind.Object
            || !hello.TryGetProperty("heartbeat_interval", out var value)
            || value.ValueKind != JsonValueKind.Number
            || !value.TryGetDouble(out var milliseconds)
            || !double.IsFinite(milliseconds)
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
        if (ready.ValueKind != JsonValueKind.Object || Text(ready, "session_id") is not { Length: > 0 } sessionId)
        {
            return false;
        }

        var user = ready.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? Text(u, "username") : null;
        session = (sessionId, Text(ready, "resume_gateway_url"), user);
        return true;
    }

    /// <summary>A string property, or null when it is absent or of another kind.</summary>
    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
