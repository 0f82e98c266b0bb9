using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace ChatBot.Discord.Tests.Gateway;

/// <summary>
/// One session fed, one after another, every kind of bad frame a gateway (or something posing as
/// one) could send: wrong kinds, huge numbers, truncated or non-JSON text, a 2 MiB and a 5 MiB
/// message, unknown opcodes. After each the client either ignores the frame or reconnects, a
/// command sent afterwards is answered, the client never stops and it breaks no rule of the
/// protocol (the harness checks the fake's ProtocolViolations when disposed).
/// Frame shape: https://discord.com/developers/docs/events/gateway-events#payload-structure.
/// </summary>
public sealed class GatewayFuzzTests
{
    private enum After
    {
        /// <summary>Skipped on the same connection.</summary>
        Ignored,

        /// <summary>The connection is closed and the session resumed on a new one.</summary>
        Resumed,

        /// <summary>The session is given up and a new one identified (op 9 that is not true).</summary>
        Reidentified,
    }

    private static readonly (string Name, string Frame, After Expected)[] Frames =
    [
        ("op as a string", """{"op":"0","s":null,"t":"GUILD_CREATE","d":{}}""", After.Ignored),
        ("fractional op", """{"op":1.5,"d":null,"s":null,"t":null}""", After.Ignored),
        ("op as null", """{"op":null,"d":null}""", After.Ignored),
        ("op out of range", """{"op":4294967296000,"d":null}""", After.Ignored),
        ("no op", """{"d":{},"s":null,"t":null}""", After.Ignored),
        ("s as a string", """{"op":0,"s":"7","t":"GUILD_CREATE","d":{}}""", After.Ignored),
        ("huge seq", """{"op":0,"s":1e300,"t":"GUILD_CREATE","d":{}}""", After.Ignored),
        ("negative seq", """{"op":0,"s":-3,"t":"GUILD_CREATE","d":{}}""", After.Ignored),
        ("t as a number", """{"op":0,"s":null,"t":5,"d":{}}""", After.Ignored),
        ("READY with d as an array", """{"op":0,"s":null,"t":"READY","d":[]}""", After.Ignored),
        ("READY with a numeric session_id", """{"op":0,"s":null,"t":"READY","d":{"session_id":5}}""", After.Ignored),
        ("INTERACTION_CREATE with d as an array", """{"op":0,"s":null,"t":"INTERACTION_CREATE","d":[]}""", After.Ignored),
        ("INTERACTION_CREATE with a numeric id", """{"op":0,"s":null,"t":"INTERACTION_CREATE","d":{"id":5,"token":"t","type":2}}""", After.Ignored),
        ("INTERACTION_CREATE with nothing usable", """{"op":0,"s":null,"t":"INTERACTION_CREATE","d":{"id":"junk","type":"two","data":7}}""", After.Ignored),
        ("Hello again with d as an array", """{"op":10,"d":[]}""", After.Ignored),
        ("Hello again with a huge heartbeat_interval", """{"op":10,"d":{"heartbeat_interval":1e300}}""", After.Ignored),
        ("heartbeat request with junk d", """{"op":1,"d":"now"}""", After.Ignored),
        ("unknown op", """{"op":99,"d":{"x":1}}""", After.Ignored),
        ("a JSON array", """[1,2,3]""", After.Ignored),
        ("a JSON number", """42""", After.Ignored),
        ("a 2 MiB message", new JsonObject { ["op"] = 0, ["s"] = null, ["t"] = "GUILD_CREATE", ["d"] = new JsonObject { ["padding"] = new string('x', 2 * 1024 * 1024) } }.ToJsonString(), After.Ignored),
        ("truncated JSON", """{"op":0,"s":2,"t":"INTERACTION_CR""", After.Resumed),
        ("not JSON", "hello gateway", After.Resumed),
        ("an empty message", "", After.Resumed),
        ("JSON nested too deep", new string('[', 5000) + new string(']', 5000), After.Resumed),
        ("a 5 MiB message", new JsonObject { ["op"] = 0, ["s"] = null, ["t"] = "GUILD_CREATE", ["d"] = new JsonObject { ["padding"] = new string('x', 5 * 1024 * 1024) } }.ToJsonString(), After.Resumed),
        ("op 9 with d as a string", """{"op":9,"d":"yes"}""", After.Reidentified),
    ];

    [Fact]
    public async Task After_every_malformed_frame_the_client_ignores_it_or_reconnects_and_the_next_command_is_answered()
    {
        // Heartbeats of 2 s: with the fakes' 200 ms, an ACK queued behind a 2 MiB frame could come late
        // and the client would rightly close the connection as a zombie, which is not what is tested here.
        await using var harness = await GatewayHarness.StartAsync(heartbeatMs: 2000);
        await harness.WaitForReadyAsync();

        for (var i = 0; i < Frames.Length; i++)
        {
            var (name, frame, expected) = Frames[i];
            var connections = harness.Gateway.Connections.Count;
            var id = $"fuzz{i}";
            harness.ScriptInteraction(id);

            await SendRawAsync(harness, frame);
            if (expected == After.Resumed)
            {
                await harness.Gateway.WaitForFrameAsync(f => f.Op == 6 && f.Connection > connections, TimeSpan.FromSeconds(20));
            }
            else if (expected == After.Reidentified)
            {
                await harness.Gateway.WaitForFrameAsync(f => f.Op == 2 && f.Connection > connections, TimeSpan.FromSeconds(20));
                await harness.WaitForReadyAsync();
            }

            await PushCommandAsync(harness, id);
            await harness.WaitForRestAsync(r => r.Path == InteractionPayloads.CallbackPath(id), TimeSpan.FromSeconds(20));

            Assert.False(harness.Running.IsCompleted, $"the client stopped after {name}");
            if (expected == After.Ignored)
            {
                Assert.True(harness.Gateway.Connections.Count == connections, $"the client reconnected after {name}, which it should have skipped");
            }
        }

        Assert.Equal(Frames.Length, harness.Search.Calls);
    }

    private static Task SendRawAsync(GatewayHarness harness, string frame) =>
        Tolerating(() => harness.Gateway.SendRawAsync(frame));

    // Logged by the fake for its session first: if the connection is going away, the resume replays it.
    private static Task PushCommandAsync(GatewayHarness harness, string id) =>
        Tolerating(() => harness.Gateway.PushDispatchAsync("INTERACTION_CREATE", InteractionPayloads.Search(id, "fuzz")));

    private static async Task Tolerating(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception e) when (e is InvalidOperationException or WebSocketException or ObjectDisposedException)
        {
            // The client closed the connection while this was on its way.
        }
    }
}
