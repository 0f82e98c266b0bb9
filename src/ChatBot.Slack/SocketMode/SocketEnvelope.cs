using System.Text.Json;
using ChatBot.Core.Json;

namespace ChatBot.Slack.SocketMode;

/// <summary>
/// A Socket Mode envelope (SlackNet's <c>SocketEnvelope</c>): <c>slash_commands</c>, <c>interactive</c> or
/// <c>events_api</c>, to be acknowledged with its <see cref="EnvelopeId"/>.
/// </summary>
internal sealed record SocketEnvelope(string Type, string EnvelopeId, JsonElement Payload, bool AcceptsResponsePayload, int RetryAttempt)
{
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";
    public const string EventsApi = "events_api";

    /// <summary>What identifies the delivered thing across envelopes: a command's trigger, an event's id.</summary>
    public string? PayloadKey => Type switch
    {
        SlashCommands or Interactive => String("trigger_id") is { } trigger ? Type + ":" + trigger : null,
        EventsApi => String("event_id") is { } id ? Type + ":" + id : null,
        _ => null,
    };

    /// <summary>
    /// An envelope from a frame, or null when the frame is not one (hello, disconnect) or is malformed: a
    /// <c>type</c> or <c>envelope_id</c> that is not a string. Other fields of the wrong kind read as absent.
    /// </summary>
    public static SocketEnvelope? Parse(JsonElement frame)
    {
        if (JsonFields.OptionalString(frame, "envelope_id") is not { Length: > 0 } envelopeId || JsonFields.OptionalString(frame, "type") is not { } type)
        {
            return null;
        }

        return new SocketEnvelope(
            type,
            envelopeId,
            JsonFields.OptionalProperty(frame, "payload")?.Clone() ?? default,
            JsonFields.OptionalBoolean(frame, "accepts_response_payload") == true,
            JsonFields.OptionalInt32(frame, "retry_attempt") ?? 0);
    }

    /// <summary>True when the payload is a JSON object, as Slack always sends it.</summary>
    public bool HasObjectPayload => Payload.ValueKind == JsonValueKind.Object;

    private string? String(string name) => JsonFields.OptionalString(Payload, name);
}
