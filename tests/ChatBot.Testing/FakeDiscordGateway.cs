using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Testing;

/// <summary>
/// A Discord gateway on Kestrel (127.0.0.1, free port) that speaks the protocol of PROTOCOLS.md
/// §1.2: Hello on connect, ACKs for heartbeats (unless told to withhold them), READY for an
/// Identify with a resume_gateway_url pointing back at itself (<c>/resume</c>), and for a Resume
/// the missed events of the session and then RESUMED (op 9 false for an unknown session). A test
/// pushes dispatches, sends op 7 / op 9 or any raw text, closes with a code or drops the
/// connection, and reads every frame the client sent.
/// </summary>
/// <remarks>
/// Like Discord it checks what the client sends and records each broken rule in
/// <see cref="ProtocolViolations"/>: heartbeats on time (the first within heartbeat_interval of
/// Hello, then at least every interval, with <see cref="HeartbeatGrace"/> for latency) and
/// carrying the last sequence or null; the Identify payload's shape; no Identify twice and nothing
/// but heartbeats before it; known opcodes only; frames of at most 4096 bytes and 120 per minute;
/// and a Resume's token, session and seq (a Resume with another token or an unknown session gets op 9
/// false, a seq past the last one sent gets close 4007). Each Identify's shard pair is recorded
/// (<see cref="Identifies"/>); with <see cref="IdentifyWindow"/> set, two Identifies in one rate-limit
/// bucket (<c>shard_id % </c><see cref="MaxConcurrency"/>) less than the window apart break the
/// sharding rule (https://discord.com/developers/docs/events/gateway#sharding, "Max Concurrency":
/// one Identify per bucket every 5 seconds), and with <see cref="ShardCount"/> set, another count does.
/// https://discord.com/developers/docs/events/gateway#sending-heartbeats, #resuming, #identifying;
/// https://discord.com/developers/docs/events/gateway-events#identify, #resume, #invalid-session;
/// https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes.
/// </remarks>
public sealed class FakeDiscordGateway : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<GatewayFrame> _frames = [];
    private readonly List<GatewayConnectionRecord> _connections = [];
    private readonly List<(long Sequence, string Event, JsonNode? Data)> _sessionLog = [];
    private readonly List<string> _violations = [];
    private readonly List<GatewayIdentify> _identifies = [];
    private readonly HashSet<Live> _lives = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _readyReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _watchdog = Task.CompletedTask;
    private string? _sessionToken;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly WebApplication _app;
    private readonly int _heartbeatIntervalMs;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Live? _current;
    private int _sessions;
    private long _sequence;

    private FakeDiscordGateway(int heartbeatIntervalMs)
    {
        _heartbeatIntervalMs = heartbeatIntervalMs;
        _app = LoopbackKestrel.Create(AcceptAsync, webSockets: true);
    }

    /// <summary>The URL <c>GET /gateway/bot</c> should return, e.g. <c>ws://127.0.0.1:41234</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The current session's id (a new one per Identify).</summary>
    public string SessionId { get; private set; } = "";

    /// <summary>Which connections (1-based) get no op 11 for their heartbeats.</summary>
    public Func<int, bool> WithholdAcks { get; set; } = _ => false;

    /// <summary>When set, an Identify is answered by closing with this code instead of READY.</summary>
    public int? CloseCodeOnIdentify { get; set; }

    /// <summary>How many events at or before the client's seq a Resume replays again (a replay overlap, to test dedupe).</summary>
    public int ReplayOverlap { get; set; }

    /// <summary>Sends each dispatch in fragments of this many bytes (0: one frame per message).</summary>
    public int FragmentBytes { get; set; }

    /// <summary>The heartbeat_interval sent in Hello, in milliseconds.</summary>
    public int HeartbeatIntervalMs => _heartbeatIntervalMs;

    /// <summary>How much later than heartbeat_interval a heartbeat may come before it counts as late (network and scheduling latency).</summary>
    public TimeSpan HeartbeatGrace { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>When set, an Identify with another token is closed with 4004 (authentication failed).</summary>
    public string? ExpectedToken { get; set; }

    /// <summary>When set, READY is held back after an Identify until <see cref="ReleaseReady"/>.</summary>
    public bool HoldReady { get; set; }

    /// <summary>The raw Hello (op 10) text for a connection number, or null for the normal Hello; for malformed Hellos.</summary>
    public Func<int, string?>? HelloFor { get; set; }

    /// <summary>The resume_gateway_url READY carries (default: this gateway's <c>/resume</c>).</summary>
    public string? ResumeGatewayUrl { get; set; }

    /// <summary>The bot's max_concurrency (as <c>GET /gateway/bot</c> says): the number of identify rate-limit buckets.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>
    /// When set, the least time between two Identifies of one bucket (Discord's is 5 s; tests shorten it as they shorten
    /// the client's interval, less the connection's latency, since the client paces before it connects).
    /// </summary>
    public TimeSpan? IdentifyWindow { get; set; }

    /// <summary>When set, an Identify naming another shard count breaks the rule (Discord closes with 4010).</summary>
    public int? ShardCount { get; set; }

    /// <summary>Every Identify received, in order, with its shard pair (0 of 1 when it named none).</summary>
    public IReadOnlyList<GatewayIdentify> Identifies
    {
        get
        {
            lock (_gate)
            {
                return [.. _identifies];
            }
        }
    }

    /// <summary>Every documented rule the client broke so far, one line each; empty for a well-behaved client.</summary>
    public IReadOnlyList<string> ProtocolViolations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    public IReadOnlyList<GatewayFrame> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    public IReadOnlyList<GatewayConnectionRecord> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _connections];
            }
        }
    }

    public static async Task<FakeDiscordGateway> StartAsync(int heartbeatIntervalMs = 200)
    {
        var gateway = new FakeDiscordGateway(heartbeatIntervalMs);
        gateway.Url = new Uri((await LoopbackKestrel.StartAsync(gateway._app, webSocket: true)).AbsoluteUri.TrimEnd('/'));
        gateway._watchdog = gateway.WatchHeartbeatsAsync(gateway._stopping.Token);
        return gateway;
    }

    /// <summary>Sends a dispatch (op 0) with the next sequence number on the open connection and logs it for resumes.</summary>
    public async Task PushDispatchAsync(string eventName, JsonNode data)
    {
        var (live, frame) = LogDispatch(eventName, data);
        if (live is null)
        {
            throw new InvalidOperationException("No client is connected.");
        }

        await live.SendAsync(frame, FragmentBytes);
    }

    /// <summary>Logs a dispatch the client misses (it is not connected); a Resume replays it.</summary>
    public void AddMissedDispatch(string eventName, JsonNode data) => LogDispatch(eventName, data, send: false);

    /// <summary>Sends any frame (op 7, op 9 with <c>d</c>) on the open connection.</summary>
    public Task SendOpAsync(int op, JsonNode? data = null) =>
        Current().SendAsync(new JsonObject { ["op"] = op, ["d"] = data, ["s"] = null, ["t"] = null }, 0);

    /// <summary>Sends <paramref name="text"/> as one text message as it is (malformed frames, huge messages).</summary>
    public Task SendRawAsync(string text) => Current().SendBytesAsync(Encoding.UTF8.GetBytes(text), 0);

    /// <summary>Lets a READY held back by <see cref="HoldReady"/> go out.</summary>
    public void ReleaseReady() => _readyReleased.TrySetResult();

    /// <summary>Closes the open connection with <paramref name="code"/>.</summary>
    public Task CloseAsync(int code) => Current().CloseAsync(code);

    /// <summary>Drops the open connection without a close frame.</summary>
    public void Drop() => Current().Context.Abort();

    /// <summary>Waits (default 10 s) for a received frame matching <paramref name="match"/>.</summary>
    public Task<GatewayFrame> WaitForFrameAsync(Func<GatewayFrame, bool> match, TimeSpan? timeout = null) =>
        WaitAsync(() => Frames.FirstOrDefault(match), "a matching frame", timeout);

    /// <summary>Waits (default 10 s) until <paramref name="count"/> connections were accepted.</summary>
    public Task<GatewayConnectionRecord> WaitForConnectionAsync(int count, TimeSpan? timeout = null) =>
        WaitAsync(() => Connections.Count >= count ? Connections[count - 1] : null, $"connection {count}", timeout);

    public async ValueTask DisposeAsync()
    {
        Live? live;
        lock (_gate)
        {
            live = _current;
        }

        live?.Context.Abort();
        await _stopping.CancelAsync();
        await _watchdog;
        _stopping.Dispose();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(patience.Token);
        await _app.DisposeAsync();
    }

    private async Task<T> WaitAsync<T>(Func<T?> probe, string what, TimeSpan? timeout)
        where T : class
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (probe() is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join(", ", Frames.Select(f => $"#{f.Connection} op {f.Op}"));
                throw new TimeoutException($"Waited in vain for {what}; frames so far: {seen}");
            }
        }
    }

    private void Changed()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }

    private Live Current()
    {
        lock (_gate)
        {
            return _current ?? throw new InvalidOperationException("No client is connected.");
        }
    }

    private (Live? Live, JsonObject Frame) LogDispatch(string eventName, JsonNode? data, bool send = true)
    {
        lock (_gate)
        {
            var sequence = ++_sequence;
            _sessionLog.Add((sequence, eventName, data?.DeepClone()));
            var frame = new JsonObject { ["op"] = 0, ["s"] = sequence, ["t"] = eventName, ["d"] = data?.DeepClone() };
            return (send ? _current : null, frame);
        }
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Live live;
        lock (_gate)
        {
            var record = new GatewayConnectionRecord(_connections.Count + 1, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? "");
            _connections.Add(record);
            live = new Live(record, socket, context);
            _current = live;
            _lives.Add(live);
        }

        using var owned = live;
        Changed();
        try
        {
            var hello = HelloFor?.Invoke(live.Record.Number) ?? new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = _heartbeatIntervalMs } }.ToJsonString();
            await live.SendBytesAsync(Encoding.UTF8.GetBytes(hello), 0);
            lock (_gate)
            {
                live.HeartbeatFrom = _clock.Elapsed;
            }

            await ServeAsync(live);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ConnectionAbortedException or IOException)
        {
            // The client or the test dropped the connection.
        }
        finally
        {
            live.Record.Ended = true;
            lock (_gate)
            {
                _lives.Remove(live);
                if (_current == live)
                {
                    _current = null;
                }
            }

            Changed();
        }
    }

    private async Task ServeAsync(Live live)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            message.SetLength(0);
            WebSocketReceiveResult result;
            do
            {
                result = await live.Socket.ReceiveAsync(buffer, live.Context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    live.Record.ClientCloseCode = (int?)result.CloseStatus;
                    live.Closing = true;
                    Changed();
                    await live.CloseAsync((int?)result.CloseStatus ?? 1000);
                    return;
                }

                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            var received = Received(live, message.ToArray());
            if (received is not { } frame)
            {
                continue;
            }

            switch (frame.Op)
            {
                case 1:
                    Heartbeat(live, frame.Data);
                    if (!WithholdAcks(live.Record.Number))
                    {
                        await live.SendAsync(new JsonObject { ["op"] = 11 }, 0);
                    }

                    break;
                case 2:
                    await IdentifyAsync(live, frame.Data);
                    break;
                case 6:
                    await ResumeAsync(live, frame.Data);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Records a frame the client sent and checks the rules every frame must keep; null when it is not a frame at all.</summary>
    private GatewayFrame? Received(Live live, byte[] bytes)
    {
        var now = _clock.Elapsed;
        if (bytes.Length > 4096)
        {
            Violation(live, $"sent a frame of {bytes.Length} bytes (Discord allows 4096 and closes with 4002)");
        }

        int sentInLastMinute;
        lock (_gate)
        {
            live.SentAt.Enqueue(now);
            while (live.SentAt.Count > 0 && now - live.SentAt.Peek() > TimeSpan.FromSeconds(60))
            {
                live.SentAt.Dequeue();
            }

            sentInLastMinute = live.SentAt.Count;
        }

        if (sentInLastMinute > 120 && !live.RateFlagged)
        {
            live.RateFlagged = true;
            Violation(live, "sent more than 120 frames in 60 seconds (Discord closes with 4008)");
        }

        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            // Reported below.
        }

        if (json is null || !TryLong(json["op"], out var op))
        {
            Violation(live, "sent a frame that is not a JSON object with an integer op (Discord closes with 4002)");
            return null;
        }

        var frame = new GatewayFrame(live.Record.Number, (int)op, json["d"]?.DeepClone(), now);
        lock (_gate)
        {
            _frames.Add(frame);
        }

        Changed();
        if (op is not (1 or 2 or 3 or 4 or 6 or 8))
        {
            Violation(live, $"sent opcode {op}, which a client may not send (Discord closes with 4001)");
        }
        else if (op is 3 or 4 or 8 && !live.Identified)
        {
            Violation(live, $"sent opcode {op} before Identify or Resume (Discord closes with 4003)");
        }

        return frame;
    }

    private void Heartbeat(Live live, JsonNode? data)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (live.HeartbeatFrom is { } from && now - from > AllowedHeartbeatGap && !live.LateFlagged)
            {
                _violations.Add($"connection {live.Record.Number}: heartbeat {(now - from).TotalMilliseconds:F0} ms after the previous one (or Hello); heartbeat_interval is {_heartbeatIntervalMs} ms");
            }

            live.HeartbeatFrom = now;
            live.LateFlagged = false;
            if (data is not null && (!TryLong(data, out var sequence) || sequence < 0 || sequence > _sequence))
            {
                _violations.Add($"connection {live.Record.Number}: heartbeat with d = {data.ToJsonString()}; it must be the last sequence received ({_sequence}) or null");
            }
        }

        Changed();
    }

    private TimeSpan AllowedHeartbeatGap => TimeSpan.FromMilliseconds(_heartbeatIntervalMs) + HeartbeatGrace;

    private async Task WatchHeartbeatsAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var late = false;
                lock (_gate)
                {
                    var now = _clock.Elapsed;
                    foreach (var live in _lives)
                    {
                        if (!live.Closing && !live.LateFlagged && live.HeartbeatFrom is { } from && now - from > AllowedHeartbeatGap)
                        {
                            live.LateFlagged = true;
                            late = true;
                            _violations.Add($"connection {live.Record.Number}: no heartbeat for {AllowedHeartbeatGap.TotalMilliseconds:F0} ms; heartbeat_interval is {_heartbeatIntervalMs} ms");
                        }
                    }
                }

                if (late)
                {
                    Changed();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The fake is being disposed.
        }
    }

    private async Task IdentifyAsync(Live live, JsonNode? data)
    {
        if (live.Identified)
        {
            Violation(live, "sent Identify or Resume twice on one connection (Discord closes with 4005)");
            return;
        }

        live.Identified = true;
        foreach (var problem in IdentifyProblems(data))
        {
            Violation(live, problem);
        }

        foreach (var problem in ShardingProblems(live, data))
        {
            Violation(live, problem);
        }

        var token = Text(data?["token"]);
        if (CloseCodeOnIdentify is { } code)
        {
            await live.CloseAsync(code);
            return;
        }

        if (ExpectedToken is not null && token != ExpectedToken)
        {
            await live.CloseAsync(4004);
            return;
        }

        if (!HoldReady)
        {
            await SendReadyAsync(live, token);
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await _readyReleased.Task.WaitAsync(live.Context.RequestAborted);
                await SendReadyAsync(live, token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
            {
                // The connection ended before READY was released.
            }
        });
    }

    private async Task SendReadyAsync(Live live, string? token)
    {
        JsonObject ready;
        lock (_gate)
        {
            SessionId = $"session-{++_sessions}";
            _sessionToken = token;
            _sessionLog.Clear();
            _sequence = 0;
            ready = new JsonObject
            {
                ["v"] = 10,
                ["user"] = new JsonObject { ["id"] = "42", ["username"] = "paperbot" },
                ["guilds"] = new JsonArray(),
                ["session_id"] = SessionId,
                ["resume_gateway_url"] = ResumeGatewayUrl ?? Url + "resume",
                ["application"] = new JsonObject { ["id"] = "app", ["flags"] = 0 },
            };
        }

        var (_, frame) = LogDispatch("READY", ready, send: false);
        await live.SendAsync(frame, 0);
    }

    private async Task ResumeAsync(Live live, JsonNode? data)
    {
        if (live.Identified)
        {
            Violation(live, "sent Identify or Resume twice on one connection (Discord closes with 4005)");
            return;
        }

        live.Identified = true;
        var token = Text(data?["token"]);
        var sessionId = Text(data?["session_id"]);
        var seqNode = data?["seq"];
        List<JsonObject> replay;
        bool known, rightToken;
        long lastSent;
        long seq = 0;
        lock (_gate)
        {
            known = SessionId.Length > 0 && sessionId == SessionId;
            rightToken = token is not null && token == _sessionToken;
            lastSent = _sequence;
            if (seqNode is not null && !TryLong(seqNode, out seq))
            {
                seq = -1;
            }

            replay = [.. _sessionLog
                .Where(e => e.Sequence > seq - ReplayOverlap && e.Event != "READY")
                .Select(e => new JsonObject { ["op"] = 0, ["s"] = e.Sequence, ["t"] = e.Event, ["d"] = e.Data?.DeepClone() })];
        }

        if (known && !rightToken)
        {
            Violation(live, "sent Resume with a token other than the session's");
        }

        if (!known || !rightToken)
        {
            // https://discord.com/developers/docs/events/gateway-events#invalid-session
            await live.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false }, 0);
            return;
        }

        if (seq < 0 || seq > lastSent)
        {
            Violation(live, $"sent Resume with seq {seqNode?.ToJsonString() ?? "null"}; the last sequence sent was {lastSent} (Discord closes with 4007)");
            await live.CloseAsync(4007);
            return;
        }

        foreach (var frame in replay)
        {
            await live.SendAsync(frame, FragmentBytes);
        }

        var (_, resumed) = LogDispatch("RESUMED", new JsonObject(), send: false);
        await live.SendAsync(resumed, 0);
    }

    /// <summary>Records the Identify's shard and checks the shard count and the pacing per rate-limit bucket.</summary>
    private List<string> ShardingProblems(Live live, JsonNode? data)
    {
        var problems = new List<string>();
        var shard = data?["shard"] as JsonArray;
        var id = shard is { Count: 2 } && TryLong(shard[0], out var given) ? (int)given : 0;
        var count = shard is { Count: 2 } && TryLong(shard[1], out var total) ? (int)total : 1;
        lock (_gate)
        {
            var now = _clock.Elapsed;
            var bucket = id % Math.Max(1, MaxConcurrency);
            if (IdentifyWindow is { } window
                && _identifies.LastOrDefault(i => i.Shard % Math.Max(1, MaxConcurrency) == bucket) is { } previous
                && now - previous.At < window)
            {
                problems.Add($"identified shard {id} {(now - previous.At).TotalMilliseconds:F0} ms after shard {previous.Shard} in rate-limit bucket {bucket} (shard_id % max_concurrency {MaxConcurrency}); one Identify per bucket per {window.TotalMilliseconds:F0} ms");
            }

            if (ShardCount is { } expected && count != expected)
            {
                problems.Add($"identified with shard count {count}; the bot's shard count is {expected} (Discord closes with 4010)");
            }

            _identifies.Add(new GatewayIdentify(live.Record.Number, id, count, now));
        }

        return problems;
    }

    /// <summary>The Identify structure: https://discord.com/developers/docs/events/gateway-events#identify-identify-structure.</summary>
    private static IEnumerable<string> IdentifyProblems(JsonNode? data)
    {
        if (data is not JsonObject identify)
        {
            yield return "sent Identify without a d object";
            yield break;
        }

        if (Text(identify["token"]) is not { Length: > 0 })
        {
            yield return "sent Identify without a token";
        }

        if (!TryLong(identify["intents"], out var intents) || intents < 0)
        {
            yield return "sent Identify without integer intents";
        }

        if (identify["properties"] is not JsonObject properties
            || new[] { "os", "browser", "device" }.Any(p => Text(properties[p]) is null))
        {
            yield return "sent Identify without properties {os, browser, device} as strings";
        }

        if (identify["shard"] is { } shard
            && !(shard is JsonArray { Count: 2 } pair && TryLong(pair[0], out var id) && TryLong(pair[1], out var count) && id >= 0 && id < count))
        {
            yield return $"sent Identify with shard {shard.ToJsonString()}; it must be [shard_id, num_shards] with shard_id < num_shards";
        }

        if (identify["large_threshold"] is { } threshold && !(TryLong(threshold, out var large) && large is >= 50 and <= 250))
        {
            yield return "sent Identify with large_threshold outside 50-250";
        }

        if (identify["compress"] is { } compress && compress.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            yield return "sent Identify with a compress that is not a boolean";
        }
    }

    private void Violation(Live live, string problem)
    {
        lock (_gate)
        {
            _violations.Add($"connection {live.Record.Number}: {problem}");
        }

        Changed();
    }

    private static bool TryLong(JsonNode? node, out long value)
    {
        value = 0;
        return node is JsonValue json && json.GetValueKind() == JsonValueKind.Number && json.TryGetValue(out value);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private sealed class Live(GatewayConnectionRecord record, WebSocket socket, HttpContext context) : IDisposable
    {
        private readonly SemaphoreSlim _sendLock = new(1, 1);

        public GatewayConnectionRecord Record { get; } = record;

        public WebSocket Socket { get; } = socket;

        public HttpContext Context { get; } = context;

        /// <summary>When the last heartbeat arrived (or Hello went out); null before Hello.</summary>
        public TimeSpan? HeartbeatFrom { get; set; }

        /// <summary>Set once the current gap was reported, so one late heartbeat is one violation.</summary>
        public bool LateFlagged { get; set; }

        /// <summary>A close frame went either way: no more heartbeats are due.</summary>
        public bool Closing { get; set; }

        /// <summary>An Identify or a Resume was received.</summary>
        public bool Identified { get; set; }

        public Queue<TimeSpan> SentAt { get; } = new();

        public bool RateFlagged { get; set; }

        public Task SendAsync(JsonObject frame, int fragmentBytes) =>
            SendBytesAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), fragmentBytes);

        public async Task SendBytesAsync(byte[] bytes, int fragmentBytes)
        {
            var size = fragmentBytes > 0 ? fragmentBytes : Math.Max(1, bytes.Length);
            await _sendLock.WaitAsync();
            try
            {
                for (var offset = 0; offset < Math.Max(1, bytes.Length); offset += size)
                {
                    var count = Math.Min(size, bytes.Length - offset);
                    await Socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count >= bytes.Length, CancellationToken.None);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }

        public void Dispose() => _sendLock.Dispose();

        public async Task CloseAsync(int code)
        {
            Closing = true;
            await _sendLock.WaitAsync();
            try
            {
                if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await Socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake gateway", CancellationToken.None);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
    }
}
