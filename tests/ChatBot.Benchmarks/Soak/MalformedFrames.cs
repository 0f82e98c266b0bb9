using System.Globalization;

namespace ChatBot.Benchmarks.Soak;

/// <summary>
/// Frames no well-behaved server sends, for the bot to survive: cut-off JSON, JSON that is not an object, fields of
/// the wrong kind, unknown ops, events and types. None may stop the bot; each may at most cost it a reconnect.
/// </summary>
internal static class MalformedFrames
{
    private static int _envelopes;

    public static string Gateway(Random random) => random.Next(8) switch
    {
        0 => """{"op":0,"s":null,"t":"INTERACTION_CREATE","d":{"id":"13000""",
        1 => "[0,1,2]",
        2 => """{"op":"ten","d":null}""",
        3 => """{"op":42,"d":{"what":"an op nobody knows"}}""",
        4 => """{"op":0,"s":null,"t":"SOAK_UNKNOWN_EVENT","d":{}}""",
        5 => """{"d":{"heartbeat_interval":1000}}""",
        6 => """{"op":0,"s":null,"t":"INTERACTION_CREATE","d":{"id":"malformed","type":2}}""",
        _ => "this is not JSON",
    };

    /// <summary>A malformed Socket Mode frame; <paramref name="envelopeId"/> is set when it carries an envelope id and so must be acknowledged.</summary>
    public static string Socket(Random random, out string? envelopeId)
    {
        envelopeId = null;
        var choice = random.Next(7);
        if (choice >= 4)
        {
            envelopeId = string.Create(CultureInfo.InvariantCulture, $"malformed-{Interlocked.Increment(ref _envelopes)}");
        }

        return choice switch
        {
            0 => """{"type":"slash_commands","envelope_id":"cut","payload":{"command":"/pap""",
            1 => "[1,2,3]",
            2 => """{"type":"soak_unknown_frame","debug_info":{"host":"fake"}}""",
            3 => "\"just a string\"",
            4 => $$"""{"type":"events_api","envelope_id":"{{envelopeId}}","payload":"not an object","accepts_response_payload":false}""",
            5 => $$"""{"type":"soak_mystery","envelope_id":"{{envelopeId}}","payload":{},"accepts_response_payload":false}""",
            _ => $$"""{"type":"slash_commands","envelope_id":"{{envelopeId}}","payload":{"text":"search transformer"},"accepts_response_payload":true}""",
        };
    }
}
