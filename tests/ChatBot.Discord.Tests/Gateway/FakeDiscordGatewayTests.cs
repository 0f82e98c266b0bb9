using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using ChatBot.Testing;

namespace ChatBot.Discord.Tests.Gateway;

/// <summary>
/// The gateway fake checks what Discord checks, so a client that breaks a rule fails the tests that
/// use it. Driven here by a bare WebSocket client that breaks each rule on purpose.
/// https://discord.com/developers/docs/events/gateway#sending-heartbeats, #resuming;
/// https://discord.com/developers/docs/events/gateway-events#identify, #resume, #invalid-session.
/// </summary>
public sealed class FakeDiscordGatewayTests
{
    private static readonly JsonObject Properties = new() { ["os"] = "linux", ["browser"] = "test", ["device"] = "test" };

    [Fact]
    public async Task A_client_that_stops_heartbeating_is_reported()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync(heartbeatIntervalMs: 200);
        gateway.HeartbeatGrace = TimeSpan.FromMilliseconds(100);
        using var client = await RawClient.ConnectAsync(gateway);

        await client.SendAsync(Identify("t"));
        await WaitForViolationAsync(gateway, "no heartbeat");

        Assert.Contains(gateway.ProtocolViolations, v => v.StartsWith("connection 1: no heartbeat for 300 ms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_heartbeat_carrying_a_sequence_never_sent_is_reported()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync(heartbeatIntervalMs: 10_000);
        using var client = await RawClient.ConnectAsync(gateway);
        await client.SendAsync(Identify("t"));
        await client.ReceiveAsync(); // READY, s = 1

        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = 5 });
        await WaitForViolationAsync(gateway, "heartbeat with d = 5");
    }

    [Fact]
    public async Task A_Resume_with_another_token_is_answered_with_op_9_false_and_reported()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync(heartbeatIntervalMs: 10_000);
        var sessionId = await StartSessionAsync(gateway, "right-token");
        using var second = await RawClient.ConnectAsync(gateway);

        await second.SendAsync(Resume("wrong-token", sessionId, 1));
        var answer = await second.ReceiveAsync();

        Assert.Equal(9, answer!["op"]!.GetValue<int>());
        Assert.False(answer["d"]!.GetValue<bool>());
        Assert.Contains(gateway.ProtocolViolations, v => v.Contains("token other than the session's", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Resume_of_an_unknown_session_is_answered_with_op_9_false()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync(heartbeatIntervalMs: 10_000);
        await StartSessionAsync(gateway, "t");
        using var second = await RawClient.ConnectAsync(gateway);

        await second.SendAsync(Resume("t", "no-such-session", 1));
        var answer = await second.ReceiveAsync();

        Assert.Equal((9, false), (answer!["op"]!.GetValue<int>(), answer["d"]!.GetValue<bool>()));
        Assert.Empty(gateway.ProtocolViolations);
    }

    [Fact]
    public async Task A_Resume_with_a_seq_past_the_last_one_sent_is_closed_with_4007_and_reported()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync(heartbeatIntervalMs: 10_000);
        var sessionId = await StartSessionAsync(gateway, "t");
        using var second = await RawClient.ConnectAsync(gateway);

        await second.SendAsync(Resume("t", sessionId, 99));
        var closed = await second.ReceiveAsync();

        Assert.Null(closed);
        Assert.Equal(4007, (int?)second.Socket.CloseStatus);
        Assert.Contains(gateway.ProtocolViolations, v => v.Contains("seq 99", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_Identify_without_its_required_fields_is_reported()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync(heartbeatIntervalMs: 10_000);
        using var client = await RawClient.ConnectAsync(gateway);

        await client.SendAsync(new JsonObject { ["op"] = 2, ["d"] = new JsonObject { ["token"] = "t", ["shard"] = new JsonArray(1, 1) } });
        await client.ReceiveAsync();

        var violations = gateway.ProtocolViolations;
        Assert.Contains(violations, v => v.Contains("integer intents", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("properties", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("shard [1,1]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_Identify_an_unknown_opcode_and_a_frame_that_is_not_JSON_are_reported()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync(heartbeatIntervalMs: 10_000);
        using var client = await RawClient.ConnectAsync(gateway);
        await client.SendAsync(Identify("t"));
        await client.ReceiveAsync();

        await client.SendAsync(Identify("t"));
        await client.SendAsync(new JsonObject { ["op"] = 0, ["d"] = null });
        await client.SendTextAsync("not json");
        await WaitForViolationAsync(gateway, "not a JSON object");

        var violations = gateway.ProtocolViolations;
        Assert.Contains(violations, v => v.Contains("Identify or Resume twice", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("opcode 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_READY_held_back_an_Identify_is_answered_only_when_released()
    {
        await using var gateway = await FakeDiscordGateway.StartAsync(heartbeatIntervalMs: 10_000);
        gateway.HoldReady = true;
        using var client = await RawClient.ConnectAsync(gateway);
        await client.SendAsync(Identify("t"));
        await client.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });

        var ack = await client.ReceiveAsync();
        gateway.ReleaseReady();
        var ready = await client.ReceiveAsync();

        Assert.Equal(11, ack!["op"]!.GetValue<int>());
        Assert.Equal("READY", ready!["t"]!.GetValue<string>());
    }

    private static async Task<string> StartSessionAsync(FakeDiscordGateway gateway, string token)
    {
        using var first = await RawClient.ConnectAsync(gateway);
        await first.SendAsync(Identify(token));
        var ready = await first.ReceiveAsync();
        await first.Socket.CloseOutputAsync((WebSocketCloseStatus)4000, "resume later", CancellationToken.None);
        return ready!["d"]!["session_id"]!.GetValue<string>();
    }

    private static JsonObject Identify(string token) => new()
    {
        ["op"] = 2,
        ["d"] = new JsonObject { ["token"] = token, ["intents"] = 0, ["properties"] = Properties.DeepClone() },
    };

    private static JsonObject Resume(string token, string sessionId, long seq) => new()
    {
        ["op"] = 6,
        ["d"] = new JsonObject { ["token"] = token, ["session_id"] = sessionId, ["seq"] = seq },
    };

    private static Task WaitForViolationAsync(FakeDiscordGateway gateway, string text) =>
        GatewayHarness.WaitUntilAsync(
            () => gateway.ProtocolViolations.Any(v => v.Contains(text, StringComparison.Ordinal)),
            $"a violation mentioning '{text}'");

    /// <summary>A bare gateway client: it sends exactly what a test tells it to.</summary>
    private sealed class RawClient : IDisposable
    {
        private RawClient(ClientWebSocket socket) => Socket = socket;

        public ClientWebSocket Socket { get; }

        /// <summary>Connects and reads the Hello.</summary>
        public static async Task<RawClient> ConnectAsync(FakeDiscordGateway gateway)
        {
            var client = new RawClient(new ClientWebSocket());
            await client.Socket.ConnectAsync(new Uri(gateway.Url, "?v=10&encoding=json"), CancellationToken.None);
            var hello = await client.ReceiveAsync();
            Assert.Equal(10, hello!["op"]!.GetValue<int>());
            return client;
        }

        public Task SendAsync(JsonObject frame) => SendTextAsync(frame.ToJsonString());

        public Task SendTextAsync(string text) =>
            Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

        /// <summary>The next frame, or null when the server closed.</summary>
        public async Task<JsonNode?> ReceiveAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await Socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            return JsonNode.Parse(message.ToArray());
        }

        public void Dispose() => Socket.Dispose();
    }
}
