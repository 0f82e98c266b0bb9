using System.Text.Json;
using ChatBot.Core.Json;

namespace ChatBot.Discord.Gateway;

/// <summary>
/// One gateway frame read with kind checks (https://discord.com/developers/docs/events/gateway-events#payload-structure):
/// <c>op</c> an integer, and for a dispatch (op 0) <c>s</c> a sequence number or null and <c>t</c> an
/// event name. A frame that breaks this is reported, not thrown. <see cref="Data"/> lives as long as
/// the document it was read from.
/// </summary>
internal readonly record struct GatewayPayload(int Op, JsonElement Data, long? Sequence, string? EventName)
{
    /// <summary>A received message as JSON, or null (with the parser's complaint) when it is not JSON at all.</summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> message, out string problem)
    {
        try
        {
            problem = "";
            return JsonDocument.Parse(message);
        }
        catch (JsonException e)
        {
            problem = e.Message;
            return null;
        }
    }

    public static bool TryRead(JsonElement root, out GatewayPayload payload, out string problem)
    {
        payload = default;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = $"a frame that is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object";
            return false;
        }

        if (JsonFields.OptionalInt32(root, "op") is not { } code)
        {
            problem = "a frame whose op is not an integer";
            return false;
        }

        var data = JsonFields.OptionalProperty(root, "d") ?? default;
        if (code != GatewayOpcodes.Dispatch)
        {
            payload = new GatewayPayload(code, data, null, null);
            problem = "";
            return true;
        }

        long? sequence = null;
        if (JsonFields.IsPresent(root, "s"))
        {
            if (JsonFields.OptionalInt64(root, "s") is not { } number || number < 0)
            {
                problem = "a dispatch whose s is not a sequence number";
                return false;
            }

            sequence = number;
        }

        if (JsonFields.OptionalString(root, "t") is not { } eventName)
        {
            problem = "a dispatch whose t is not an event name";
            return false;
        }

        payload = new GatewayPayload(code, data, sequence, eventName);
        problem = "";
        return true;
    }
}
